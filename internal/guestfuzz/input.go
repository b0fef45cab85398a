package guestfuzz

import "encoding/binary"

// Input reads a fuzz input front to back; past its end it yields zeros.
type Input struct {
	data []byte
}

// NewInput wraps a fuzz input.
func NewInput(data []byte) *Input { return &Input{data: data} }

// Byte returns the next byte.
func (in *Input) Byte() byte {
	if len(in.data) == 0 {
		return 0
	}
	b := in.data[0]
	in.data = in.data[1:]
	return b
}

// U32 returns the next four bytes, little-endian.
func (in *Input) U32() uint32 {
	var b [4]byte
	n := copy(b[:], in.data)
	in.data = in.data[n:]
	return binary.LittleEndian.Uint32(b[:])
}

// U16 returns the next two bytes, little-endian.
func (in *Input) U16() uint16 {
	var b [2]byte
	n := copy(b[:], in.data)
	in.data = in.data[n:]
	return binary.LittleEndian.Uint16(b[:])
}

// Pick returns an index below n (n > 0).
func (in *Input) Pick(n int) int { return int(in.U16()) % n }

// Rest returns what is left of the input and empties it.
func (in *Input) Rest() []byte {
	d := in.data
	in.data = nil
	return d
}

// Args draws parameter values: each is a selector byte and a 32-bit value.
type Args struct {
	MemSize uint32   // bytes of guest memory
	Data    uint32   // offset of the area the fuzz input fills
	DataLen uint32   // its length
	Predef  []uint32 // predefined handles and constants of the module's ABI
	// Live returns a handle the module created, chosen by v, or v itself
	// when the module keeps no handles.
	Live func(v uint32) uint32
}

// Arg returns a parameter value drawn from sel and v:
//
//	0 raw, 1 small (0..15), 2 offset in the data area, 3 4-aligned
//	offset in the data area, 4 within 64 bytes of the end of memory,
//	5 predefined handle, 6 live handle, 7 negative (-1..-4),
//	8 around INT_MAX and INT_MIN, 9 past the end of memory
func (a *Args) Arg(sel byte, v uint32) uint32 {
	switch sel % 10 {
	case 1:
		return v % 16
	case 2:
		return a.Data + v%max(a.DataLen, 1)
	case 3:
		return (a.Data + v%max(a.DataLen, 1)) &^ 3
	case 4:
		return a.MemSize - v%64
	case 5:
		if len(a.Predef) > 0 {
			return a.Predef[int(v)%len(a.Predef)]
		}
	case 6:
		if a.Live != nil {
			return a.Live(v)
		}
	case 7:
		return -(v % 4) - 1
	case 8:
		return 0x7ffffffc + v%8
	case 9:
		return a.MemSize + v%(1<<20)
	}
	return v
}

// Next draws one parameter from in.
func (a *Args) Next(in *Input) uint32 {
	sel := in.Byte()
	return a.Arg(sel, in.U32())
}
