package cuda

import (
	"strconv"
	"strings"
)

// param is one kernel parameter as a PTX .entry declares it.
type param struct {
	size, align uint64
}

// ptxTypeSizes are the sizes of PTX's fundamental types.
var ptxTypeSizes = map[string]uint64{
	".b8": 1, ".u8": 1, ".s8": 1,
	".b16": 2, ".u16": 2, ".s16": 2, ".f16": 2, ".bf16": 2, ".f16x2": 4,
	".b32": 4, ".u32": 4, ".s32": 4, ".f32": 4,
	".b64": 8, ".u64": 8, ".s64": 8, ".f64": 8,
	".b128": 16,
}

// ptxEntries reads the parameter list of every .entry in PTX text, by
// kernel name. A list it cannot read is left out: the kernel's parameter
// sizes are then unknown, never guessed.
func ptxEntries(ptx string) map[string][]param {
	entries := map[string][]param{}
	src := stripComments(ptx)
	for {
		i := strings.Index(src, ".entry")
		if i < 0 {
			return entries
		}
		src = src[i+len(".entry"):]
		if len(src) == 0 || !isSpace(src[0]) {
			continue // a longer word, such as .entry_foo
		}
		open := strings.IndexAny(src, "({")
		if open < 0 {
			return entries
		}
		name := strings.TrimSpace(src[:open])
		if name == "" || strings.ContainsAny(name, " \t\r\n;") {
			continue
		}
		if src[open] == '{' {
			entries[name] = []param{} // no parameter list: no parameters
			src = src[open:]
			continue
		}
		end := strings.IndexByte(src[open:], ')')
		if end < 0 {
			return entries
		}
		list := src[open+1 : open+end]
		src = src[open+end:]
		params, ok := parseParams(list)
		if ok {
			entries[name] = params
		}
	}
}

// parseParams reads ".param .u64 a, .param .align 8 .b8 s[24]".
func parseParams(list string) ([]param, bool) {
	params := []param{}
	if strings.TrimSpace(list) == "" {
		return params, true
	}
	for _, decl := range strings.Split(list, ",") {
		f := strings.Fields(decl)
		if len(f) < 3 || f[0] != ".param" {
			return nil, false
		}
		var p param
		var count uint64 = 1
		for i := 1; i < len(f); i++ {
			w := f[i]
			switch {
			case w == ".align":
				if i+1 >= len(f) {
					return nil, false
				}
				a, err := strconv.ParseUint(f[i+1], 10, 32)
				if err != nil || a == 0 {
					return nil, false
				}
				p.align = a
				i++
			case ptxTypeSizes[w] != 0:
				p.size = ptxTypeSizes[w]
			case strings.HasPrefix(w, "."):
				// state space and pointer attributes: .ptr .global .const ...
			default:
				// the name, maybe with an array length: s[24]
				if j := strings.IndexByte(w, '['); j >= 0 {
					k := strings.IndexByte(w, ']')
					if k < j {
						return nil, false
					}
					n, err := strconv.ParseUint(w[j+1:k], 10, 32)
					if err != nil {
						return nil, false
					}
					count = n
				}
			}
		}
		if p.size == 0 {
			return nil, false
		}
		if p.align == 0 {
			p.align = p.size
		}
		p.size *= count
		params = append(params, p)
	}
	return params, true
}

func stripComments(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "//"):
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return b.String()
			}
			s = s[i:]
		case strings.HasPrefix(s, "/*"):
			i := strings.Index(s[2:], "*/")
			if i < 0 {
				return b.String()
			}
			b.WriteByte(' ')
			s = s[i+4:]
		default:
			b.WriteByte(s[0])
			s = s[1:]
		}
	}
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
