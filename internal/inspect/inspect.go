package inspect

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"

	"github.com/wasmrun/wasmrun/embedder"
	"github.com/wasmrun/wasmrun/internal/signature"
	"github.com/wasmrun/wasmrun/internal/toolchain"
	"github.com/wasmrun/wasmrun/internal/wasmfile"
)

// labels name the host modules wasmrun knows.
var labels = map[string]string{
	"wasi_snapshot_preview1": "WASI",
	"wasmrun_mpi":            "MPI",
	"wasmrun_cl":             "OpenCL",
	"wasmrun_cuda":           "CUDA",
	"wasmrun_blas":           "BLAS",
	"wasmrun_lapack":         "LAPACK",
	"wasmrun_fftw":           "FFTW",
}

const pageSize = 65536

// Report describes one module.
type Report struct {
	Path      string          `json:"path"`
	SHA256    string          `json:"sha256"`
	Size      int             `json:"size"`
	Memory    *Memory         `json:"memory"` // nil: the module has no memory
	Features  []Feature       `json:"features"`
	Imports   []Group         `json:"imports"`
	Exports   []Export        `json:"exports"`
	Build     *BuildInfo      `json:"build"` // nil: not built by wasmrun cc
	Signature Signature       `json:"signature"`
	Custom    []CustomSection `json:"customSections"`
	Runnable  bool            `json:"runnable"` // every import and feature is supported
	Problems  []string        `json:"problems"` // why not
	features  wasmfile.Features
}

// Memory is the module's (first) linear memory.
type Memory struct {
	MinPages uint64  `json:"minPages"`
	MaxPages *uint64 `json:"maxPages"` // nil: no maximum
	Imported bool    `json:"imported"`
	Shared   bool    `json:"shared"`
}

// Feature is one feature the module uses.
type Feature struct {
	Name      string `json:"name"`
	Supported bool   `json:"supported"`
}

// Group is the imports from one module.
type Group struct {
	Module    string   `json:"module"`
	Label     string   `json:"label"`    // WASI, MPI, OpenCL, CUDA, BLAS, LAPACK, FFTW, or the module name
	Provided  bool     `json:"provided"` // this wasmrun has a host module of that name
	Imports   []Import `json:"imports"`
	Supported int      `json:"supported"` // how many of Imports are
}

// Import is one import.
type Import struct {
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	Supported bool   `json:"supported"`
}

// Export is one export.
type Export = wasmfile.Export

// BuildInfo is what wasmrun cc recorded.
type BuildInfo = toolchain.BuildInfo

// Signature is the module's signature status.
type Signature struct {
	Status      string `json:"status"` // "unsigned", "signed", "tampered" or "malformed"
	Key         string `json:"key,omitempty"`
	Trusted     *bool  `json:"trusted,omitempty"` // the signer is the key given to check against; nil: none given
	Explanation string `json:"explanation"`
}

// CustomSection is a custom section's name and size.
type CustomSection struct {
	Name string `json:"name"`
	Size int    `json:"size"`
}

// Options are what Module needs besides the module.
type Options struct {
	// Hosts are the functions each host module of this wasmrun provides,
	// by import module name.
	Hosts map[string][]string
	// Trusted, when set, is the key the signature is checked against.
	Trusted ed25519.PublicKey
}

// Module describes the module in data (read from path).
func Module(path string, data []byte, o Options) (*Report, error) {
	m, err := wasmfile.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sum := sha256.Sum256(data)
	r := &Report{Path: path, SHA256: hex.EncodeToString(sum[:]), Size: len(data), features: m.Features,
		Features: []Feature{}, Imports: []Group{}, Exports: m.Exports, Custom: []CustomSection{}, Problems: []string{}}
	if r.Exports == nil {
		r.Exports = []Export{}
	}
	if len(m.Memories) > 0 {
		l := m.Memories[0]
		mem := &Memory{MinPages: l.Min, Shared: l.Shared}
		if l.HasMax {
			mem.MaxPages = &l.Max
		}
		for _, im := range m.Imports {
			mem.Imported = mem.Imported || im.Kind == wasmfile.KindMemory
		}
		r.Memory = mem
	}
	for _, f := range m.Features.List() {
		ok := embedder.Supports(f)
		r.Features = append(r.Features, Feature{string(f), ok})
		if !ok {
			r.Problems = append(r.Problems, fmt.Sprintf("uses %s, which wasmrun does not run", f))
		}
	}
	r.groupImports(m.Imports, o.Hosts)
	for _, s := range m.Custom {
		r.Custom = append(r.Custom, CustomSection{s.Name, len(s.Body)})
	}
	if info, ok, err := toolchain.ReadBuildInfo(data); err != nil {
		r.Problems = append(r.Problems, err.Error())
	} else if ok {
		r.Build = &info
	}
	r.Signature = signatureOf(data, o.Trusted)
	r.Runnable = len(r.Problems) == 0
	return r, nil
}

func (r *Report) groupImports(imports []wasmfile.Import, hosts map[string][]string) {
	byModule := map[string]*Group{}
	var order []string
	for _, im := range imports {
		g := byModule[im.Module]
		if g == nil {
			_, provided := hosts[im.Module]
			label := labels[im.Module]
			if label == "" {
				label = im.Module
			}
			g = &Group{Module: im.Module, Label: label, Provided: provided}
			byModule[im.Module] = g
			order = append(order, im.Module)
		}
		ok := im.Kind == wasmfile.KindFunc && contains(hosts[im.Module], im.Name)
		g.Imports = append(g.Imports, Import{Name: im.Name, Kind: im.Kind, Supported: ok})
		if ok {
			g.Supported++
		}
	}
	// Host modules wasmrun knows first (WASI, MPI, OpenCL, CUDA, BLAS,
	// LAPACK, FFTW), then the others by name.
	rank := func(m string) string {
		for i, known := range []string{"wasi_snapshot_preview1", "wasmrun_mpi", "wasmrun_cl", "wasmrun_cuda", "wasmrun_blas", "wasmrun_lapack", "wasmrun_fftw"} {
			if m == known {
				return fmt.Sprint(i)
			}
		}
		return "9" + m
	}
	sort.Slice(order, func(i, j int) bool { return rank(order[i]) < rank(order[j]) })
	for _, mod := range order {
		g := byModule[mod]
		r.Imports = append(r.Imports, *g)
		if n := len(g.Imports) - g.Supported; n > 0 {
			r.Problems = append(r.Problems, fmt.Sprintf("%d import(s) from %s that wasmrun does not provide", n, g.Module))
		}
	}
}

func contains(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

func signatureOf(data []byte, trusted ed25519.PublicKey) Signature {
	info, err := signature.Inspect(data)
	switch {
	case err != nil:
		return Signature{Status: "malformed", Explanation: err.Error()}
	case !info.Signed:
		return Signature{Status: "unsigned", Explanation: "no " + signature.Section + " section"}
	}
	s := Signature{Status: "signed", Key: signature.Fingerprint(info.Key)}
	if !info.Intact {
		s.Status = "tampered"
		s.Explanation = "the signature does not match the module: it was changed after signing"
	}
	if trusted == nil {
		if info.Intact {
			s.Explanation = "intact; not checked against a trusted key"
		}
		return s
	}
	err = signature.Verify(data, trusted)
	ok := err == nil
	s.Trusted = &ok
	switch {
	case ok:
		s.Explanation = "verified with the trusted key"
	case errors.Is(err, signature.ErrOtherKey):
		s.Explanation = "signed by another key than the trusted " + signature.Fingerprint(trusted)
	}
	return s
}
