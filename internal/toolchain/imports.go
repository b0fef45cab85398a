package toolchain

import (
	"errors"
	"fmt"
	"os"
	"sort"
)

// hostModules are the import modules of wasmrun's host functions besides
// WASI (whose imports wasi-libc declares itself).
var hostModules = map[string]bool{"wasmrun_mpi": true, "wasmrun_cl": true}

// unsupportedImports lists the functions a linked module imports from
// wasmrun's host modules that the host does not provide. mpi.h declares
// every MPI function of the standard as an import (wasm-ld never refuses a
// symbol declared with an import name), so a call to one the bridge lacks
// links; this check is what makes that link fail, as it would with a
// native MPI library that lacks the function. A file that is not a wasm
// module is not checked.
func (d *Driver) unsupportedImports(path string) ([]string, error) {
	if d.supported == nil {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	imports, err := moduleImports(data)
	if err != nil {
		return nil, nil
	}
	seen := map[string]bool{}
	var missing []string
	for _, im := range imports {
		if hostModules[im.module] && !d.supported[im.name] && !seen[im.name] {
			seen[im.name] = true
			missing = append(missing, im.name)
		}
	}
	sort.Strings(missing)
	return missing, nil
}

type wasmImport struct{ module, name string }

var errNotModule = errors.New("not a wasm module")

// moduleImports reads the import section of a wasm module.
func moduleImports(data []byte) ([]wasmImport, error) {
	if len(data) < 8 || string(data[:4]) != "\x00asm" || string(data[4:8]) != "\x01\x00\x00\x00" {
		return nil, errNotModule
	}
	r := &reader{b: data[8:]}
	for len(r.b) > 0 {
		id := r.byte()
		size := r.uleb()
		if r.err != nil || size > uint64(len(r.b)) {
			return nil, errNotModule
		}
		body := r.b[:size]
		r.b = r.b[size:]
		if id != 2 {
			continue
		}
		s := &reader{b: body}
		n := s.uleb()
		var out []wasmImport
		for i := uint64(0); i < n && s.err == nil; i++ {
			module, name := s.name(), s.name()
			switch kind := s.byte(); kind {
			case 0: // function: type index
				s.uleb()
			case 1: // table: reference type, limits
				s.byte()
				s.limits()
			case 2: // memory: limits
				s.limits()
			case 3: // global: value type, mutability
				s.byte()
				s.byte()
			case 4: // tag: attribute, type index
				s.byte()
				s.uleb()
			default:
				return nil, fmt.Errorf("import %s.%s: unknown kind %d", module, name, kind)
			}
			out = append(out, wasmImport{module, name})
		}
		if s.err != nil {
			return nil, errNotModule
		}
		return out, nil
	}
	return nil, nil
}

// reader decodes the parts of the wasm binary format that imports use.
type reader struct {
	b   []byte
	err error
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.err = errNotModule
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) uleb() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errNotModule
	return 0
}

func (r *reader) name() string {
	n := r.uleb()
	if n > uint64(len(r.b)) {
		r.err = errNotModule
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) limits() {
	flags := r.byte()
	r.uleb()
	if flags&1 != 0 {
		r.uleb()
	}
}
