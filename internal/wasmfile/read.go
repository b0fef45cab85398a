package wasmfile

import (
	"errors"
	"fmt"
)

// ErrNotModule means the bytes do not start with the WebAssembly header.
var ErrNotModule = errors.New("not a WebAssembly module (no \\0asm header)")

// headerSize is the magic number and the version.
const headerSize = 8

// Section ids of the WebAssembly core specification.
const (
	SectionCustom    = 0
	SectionType      = 1
	SectionImport    = 2
	SectionFunction  = 3
	SectionTable     = 4
	SectionMemory    = 5
	SectionGlobal    = 6
	SectionExport    = 7
	SectionStart     = 8
	SectionElement   = 9
	SectionCode      = 10
	SectionData      = 11
	SectionDataCount = 12
	SectionTag       = 13
)

// Section is one section of a module.
type Section struct {
	ID     byte
	Name   string // custom sections only
	Offset int    // where the section starts (its id byte) in the file
	End    int    // where the next section starts
	Body   []byte // the contents after the size (for a custom section, after its name)
}

// CheckHeader reports whether data starts with the header of a version 1
// WebAssembly binary.
func CheckHeader(data []byte) error {
	if len(data) < headerSize || string(data[:4]) != "\x00asm" {
		return ErrNotModule
	}
	if v := data[4:8]; string(v) != "\x01\x00\x00\x00" {
		return fmt.Errorf("unsupported WebAssembly binary version %d (want 1)", uint32(v[0])|uint32(v[1])<<8|uint32(v[2])<<16|uint32(v[3])<<24)
	}
	return nil
}

// Sections splits a module into its sections.
func Sections(data []byte) ([]Section, error) {
	if err := CheckHeader(data); err != nil {
		return nil, err
	}
	var out []Section
	r := &reader{b: data, off: headerSize}
	for r.off < len(data) {
		start := r.off
		id := r.byte()
		size := r.u32()
		if r.err != nil {
			return nil, fmt.Errorf("section at offset %d: %w", start, r.err)
		}
		if int(size) > len(data)-r.off {
			return nil, fmt.Errorf("section %d at offset %d: size %d runs past the end of the file (%d bytes)", id, start, size, len(data))
		}
		s := Section{ID: id, Offset: start, End: r.off + int(size), Body: data[r.off : r.off+int(size)]}
		if id == SectionCustom {
			cr := &reader{b: s.Body}
			s.Name = cr.name()
			if cr.err != nil {
				return nil, fmt.Errorf("custom section at offset %d: bad name: %w", start, cr.err)
			}
			s.Body = s.Body[cr.off:]
		} else if id > SectionTag {
			return nil, fmt.Errorf("section at offset %d: unknown section id %d", start, id)
		}
		out = append(out, s)
		r.off = s.End
	}
	return out, nil
}

// reader decodes the WebAssembly binary format. The first error sticks:
// later reads return zero values, and callers check err once.
type reader struct {
	b   []byte
	off int
	err error
}

var errEOF = errors.New("unexpected end of data")

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = fmt.Errorf("at offset %d: %w", r.off, err)
	}
}

func (r *reader) done() bool { return r.err != nil || r.off >= len(r.b) }

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.b) {
		r.fail(errEOF)
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)-r.off) {
		r.fail(errEOF)
		return nil
	}
	s := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

// uleb reads an unsigned LEB128 number of at most bits bits.
func (r *reader) uleb(bits int) uint64 {
	var v uint64
	for shift := 0; ; shift += 7 {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		if shift >= bits || (shift+7 > bits && c&0x7f>>(bits-shift) != 0) {
			r.fail(errors.New("integer too large"))
			return 0
		}
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
}

// sleb reads a signed LEB128 number of at most bits bits.
func (r *reader) sleb(bits int) int64 {
	var v int64
	shift := 0
	for {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		if shift >= bits {
			r.fail(errors.New("integer too large"))
			return 0
		}
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v
		}
	}
}

func (r *reader) u32() uint32 { return uint32(r.uleb(32)) }

// count reads a vector length and checks it against the bytes left, each
// element taking at least one byte.
func (r *reader) count() int {
	n := r.u32()
	if r.err == nil && uint64(n) > uint64(len(r.b)-r.off) {
		r.fail(fmt.Errorf("vector of %d elements in %d bytes", n, len(r.b)-r.off))
		return 0
	}
	return int(n)
}

func (r *reader) name() string {
	return string(r.bytes(uint64(r.u32())))
}

// Limits are a memory's or table's size limits.
type Limits struct {
	Min    uint64
	Max    uint64 // valid when HasMax
	HasMax bool
	Shared bool // threads proposal
	Is64   bool // memory64 proposal
}

func (r *reader) limits() Limits {
	flags := r.byte()
	if flags > 7 {
		r.fail(fmt.Errorf("bad limits flags 0x%x", flags))
	}
	l := Limits{HasMax: flags&1 != 0, Shared: flags&2 != 0, Is64: flags&4 != 0}
	bits := 32
	if l.Is64 {
		bits = 64
	}
	l.Min = r.uleb(bits)
	if l.HasMax {
		l.Max = r.uleb(bits)
	}
	return l
}

// valType reads a value type; reference types with a heap type read it too.
func (r *reader) valType() byte {
	t := r.byte()
	switch t {
	case 0x63, 0x64: // (ref null ht), (ref ht): function references / GC
		r.sleb(33)
	}
	return t
}
