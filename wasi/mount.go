package wasi

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mount is one --dir flag: the host directory Host is visible to the guest
// at the absolute guest path Guest, and cannot be changed when ReadOnly.
type Mount struct {
	Host, Guest string
	ReadOnly    bool
}

// ParseMount parses one --dir value, "HOST[:GUEST][:ro]".
//
// HOST is made absolute and must name an existing directory. GUEST must
// start with "/" and is cleaned with path.Clean; without it, the guest path
// is the absolute host path. The last field may be "ro" (read-only) or "rw"
// (the default). A second field that does not start with "/" is taken as
// that option, so "data:ro" mounts ./data read-only at its absolute path and
// "data:out" is an error.
func ParseMount(spec string) (Mount, error) {
	fail := func(format string, args ...any) (Mount, error) {
		return Mount{}, fmt.Errorf("--dir %s: "+format, append([]any{quote(spec)}, args...)...)
	}
	if spec == "" {
		return fail("empty mount (want HOST[:GUEST][:ro])")
	}
	parts := strings.Split(spec, ":")
	if len(parts) > 3 {
		return fail("too many ':' (want HOST[:GUEST][:ro])")
	}
	host := parts[0]
	if host == "" {
		return fail("empty host directory")
	}
	var guest, opt string
	switch len(parts) {
	case 2:
		if p := parts[1]; p == "ro" || p == "rw" {
			opt = p
		} else {
			guest = p
			if guest == "" {
				return fail("empty guest path")
			}
		}
	case 3:
		guest, opt = parts[1], parts[2]
		if guest == "" {
			return fail("empty guest path")
		}
	}
	var m Mount
	switch {
	case len(parts) < 3 && opt == "", opt == "rw":
	case opt == "ro":
		m.ReadOnly = true
	default:
		return fail("unknown option %q (want ro or rw)", opt)
	}
	if guest != "" {
		if !strings.HasPrefix(guest, "/") {
			return fail("guest path %q is not absolute", guest)
		}
		m.Guest = path.Clean(guest)
	}
	abs, err := filepath.Abs(host)
	if err != nil {
		return fail("%v", err)
	}
	m.Host = abs
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail("host directory does not exist")
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is in spec already
		}
		return fail("%v", err)
	case !fi.IsDir():
		return fail("host path is not a directory")
	}
	if m.Guest == "" {
		m.Guest = path.Clean(filepath.ToSlash(abs))
	}
	return m, nil
}

// ParseEnv parses one --env value: "NAME=VALUE", or "NAME" to pass the
// host's value of NAME, found with lookup (os.LookupEnv when nil). NAME must
// match [A-Za-z_][A-Za-z0-9_]*, and the value may not contain a NUL byte.
func ParseEnv(spec string, lookup func(string) (string, bool)) (name, value string, err error) {
	name, value, hasValue := strings.Cut(spec, "=")
	if !validName(name) {
		return "", "", fmt.Errorf("--env %q: malformed variable name (want NAME=VALUE or NAME)", spec)
	}
	if !hasValue {
		if lookup == nil {
			lookup = os.LookupEnv
		}
		var ok bool
		if value, ok = lookup(name); !ok {
			return "", "", fmt.Errorf("--env %q: variable %s is not set on the host", spec, name)
		}
	}
	if strings.IndexByte(value, 0) >= 0 {
		return "", "", fmt.Errorf("--env %q: value contains a NUL byte", spec)
	}
	return name, value, nil
}

// quote returns s, quoted if it is empty or has characters that would not
// print as themselves on one line.
func quote(s string) string {
	if s == "" || !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsGraphic(r) }) {
		return strconv.Quote(s)
	}
	return s
}

// validName reports whether s is a portable environment variable name.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
