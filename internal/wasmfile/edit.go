package wasmfile

import "fmt"

// Custom returns the payloads of the custom sections called name, in order.
func Custom(data []byte, name string) ([][]byte, error) {
	sections, err := Sections(data)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, s := range sections {
		if s.ID == SectionCustom && s.Name == name {
			out = append(out, s.Body)
		}
	}
	return out, nil
}

// RemoveCustom returns the module without its custom sections called name
// (a new slice; data is not changed) and how many it removed.
func RemoveCustom(data []byte, name string) ([]byte, int, error) {
	sections, err := Sections(data)
	if err != nil {
		return nil, 0, err
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:headerSize]...)
	n := 0
	for _, s := range sections {
		if s.ID == SectionCustom && s.Name == name {
			n++
			continue
		}
		out = append(out, data[s.Offset:s.End]...)
	}
	return out, n, nil
}

// AppendCustom returns the module with a custom section called name added
// at its end (a new slice; data is not changed).
func AppendCustom(data []byte, name string, payload []byte) ([]byte, error) {
	if err := CheckHeader(data); err != nil {
		return nil, err
	}
	body := appendU32(nil, uint32(len(name)))
	body = append(body, name...)
	body = append(body, payload...)
	if uint64(len(body)) > 1<<32-1 {
		return nil, fmt.Errorf("custom section %s: %d bytes is too large", name, len(body))
	}
	out := make([]byte, 0, len(data)+len(body)+6)
	out = append(out, data...)
	out = append(out, SectionCustom)
	out = appendU32(out, uint32(len(body)))
	return append(out, body...), nil
}

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
