package toolchain

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/wasmrun/wasmrun/internal/wasmfile"
)

// BuildSection is the custom section in which `wasmrun cc` records how it
// built a module; `wasmrun inspect` shows it.
const BuildSection = "wasmrun.build"

// Version is wasmrun's version, recorded in the build information.
var Version = "dev"

// BuildInfo is the contents of BuildSection (JSON).
type BuildInfo struct {
	Tool     string   `json:"tool"`     // "wasmrun cc 1.2.3"
	Compiler string   `json:"compiler"` // clang's --version, first line
	Flags    []string `json:"flags"`    // the user's flags, response files expanded
	Sources  []string `json:"sources"`  // files compiled in this command, as named
	Inputs   []string `json:"inputs"`   // objects and libraries linked, as named
}

// ReadBuildInfo returns the build information recorded in a module; ok is
// false when there is none.
func ReadBuildInfo(module []byte) (info BuildInfo, ok bool, err error) {
	sections, err := wasmfile.Custom(module, BuildSection)
	if err != nil || len(sections) == 0 {
		return BuildInfo{}, false, err
	}
	if err := json.Unmarshal(sections[len(sections)-1], &info); err != nil {
		return BuildInfo{}, false, fmt.Errorf("%s section: %w", BuildSection, err)
	}
	return info, true, nil
}

// buildInfo describes the user's command line.
func (d *Driver) buildInfo(user []string) (BuildInfo, error) {
	user, err := expandResponseFiles(user)
	if err != nil {
		return BuildInfo{}, err
	}
	info := BuildInfo{Tool: d.Name() + " " + Version, Flags: []string{}, Sources: []string{}, Inputs: []string{}}
	for i := 0; i < len(user); i++ {
		a := user[i]
		switch {
		case a == "-o" && i+1 < len(user):
			i++
		case strings.HasPrefix(a, "-o") && len(a) > 2:
		case separateValue[a] && i+1 < len(user):
			info.Flags = append(info.Flags, a, user[i+1])
			i++
		case a == "-" || !strings.HasPrefix(a, "-"):
			if isCompiled(a) || a == "-" {
				info.Sources = append(info.Sources, a)
			} else {
				info.Inputs = append(info.Inputs, a)
			}
		default:
			info.Flags = append(info.Flags, a)
		}
	}
	out, err := exec.Command(d.Clang, "--version").Output()
	if err != nil {
		return BuildInfo{}, fmt.Errorf("%s --version: %w", d.Clang, err)
	}
	info.Compiler, _, _ = strings.Cut(strings.TrimSpace(string(out)), "\n")
	return info, nil
}

// recordBuild writes the build information into the module clang linked
// at path, replacing the file through a rename. A path that is not a
// regular file or not a wasm module (-o /dev/null) is left alone.
func (d *Driver) recordBuild(path string, user []string) error {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("record build info in %s: %w", path, err)
	}
	stripped, _, err := wasmfile.RemoveCustom(data, BuildSection)
	if errors.Is(err, wasmfile.ErrNotModule) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("record build info in %s: %w", path, err)
	}
	info, err := d.buildInfo(user)
	if err != nil {
		return fmt.Errorf("record build info in %s: %w", path, err)
	}
	payload, err := json.Marshal(info)
	if err != nil {
		return fmt.Errorf("record build info in %s: %w", path, err)
	}
	out, err := wasmfile.AppendCustom(stripped, BuildSection, payload)
	if err != nil {
		return fmt.Errorf("record build info in %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("record build info in %s: %w", path, err)
	}
	_, err = tmp.Write(out)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), st.Mode().Perm())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("record build info in %s: %w", path, err)
	}
	return nil
}
