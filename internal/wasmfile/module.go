package wasmfile

import (
	"fmt"
)

// External kinds of imports and exports.
const (
	KindFunc   = "func"
	KindTable  = "table"
	KindMemory = "memory"
	KindGlobal = "global"
	KindTag    = "tag"
)

var kinds = [...]string{KindFunc, KindTable, KindMemory, KindGlobal, KindTag}

// Import is one import of a module.
type Import struct {
	Module, Name string
	Kind         string
	Memory       *Limits `json:",omitempty"` // for an imported memory
	Mutable      bool    `json:",omitempty"` // for an imported global
}

// Export is one export of a module.
type Export struct {
	Name, Kind string
}

// Module is what wasmfile reads of a module without compiling it.
type Module struct {
	Imports  []Import
	Exports  []Export
	Memories []Limits // imported memories first, as indexed
	Tables   int      // imported and defined
	Custom   []Section
	Features Features
}

// Parse reads a module's sections, imports, exports, memories and the
// features its code uses.
func Parse(data []byte) (*Module, error) {
	sections, err := Sections(data)
	if err != nil {
		return nil, err
	}
	m := &Module{}
	var types [][2]int // params, results of each function type
	var globalsMutable []bool
	for _, s := range sections {
		r := &reader{b: s.Body}
		switch s.ID {
		case SectionCustom:
			m.Custom = append(m.Custom, s)
			continue
		case SectionType:
			types = m.readTypes(r)
		case SectionImport:
			m.readImports(r)
		case SectionTable:
			for i, n := 0, r.count(); i < n && r.err == nil; i++ {
				m.tableType(r)
			}
		case SectionMemory:
			for i, n := 0, r.count(); i < n && r.err == nil; i++ {
				m.Memories = append(m.Memories, r.limits())
			}
		case SectionGlobal:
			for i, n := 0, r.count(); i < n && r.err == nil; i++ {
				m.noteValType(r.valType())
				globalsMutable = append(globalsMutable, r.byte() == 1)
				m.constExpr(r)
			}
		case SectionExport:
			m.readExports(r, globalsMutable)
		case SectionCode:
			m.readCode(r)
		case SectionDataCount:
			m.Features.add(BulkMemory)
			r.u32()
		case SectionTag:
			m.Features.add(ExceptionHandling)
			r.off = len(r.b)
		default: // function, start, element, data: nothing to show
			r.off = len(r.b)
		}
		if r.err != nil {
			return nil, fmt.Errorf("%s section at offset %d: %w", sectionName(s.ID), s.Offset, r.err)
		}
	}
	for _, t := range types {
		if t[1] > 1 {
			m.Features.add(MultiValue)
		}
	}
	if len(m.Memories) > 1 {
		m.Features.add(MultiMemory)
	}
	if m.Tables > 1 {
		m.Features.add(ReferenceTypes)
	}
	for _, l := range m.Memories {
		if l.Shared {
			m.Features.add(Threads)
		}
		if l.Is64 {
			m.Features.add(Memory64)
		}
	}
	return m, nil
}

func sectionName(id byte) string {
	names := [...]string{"custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count", "tag"}
	if int(id) < len(names) {
		return names[id]
	}
	return fmt.Sprintf("section %d", id)
}

func (m *Module) readTypes(r *reader) [][2]int {
	var types [][2]int
	for i, n := 0, r.count(); i < n && r.err == nil; i++ {
		if form := r.byte(); form != 0x60 {
			if r.err == nil {
				m.Features.add(GC) // rec groups, structs and arrays
				r.off = len(r.b)
			}
			return types
		}
		var t [2]int
		for j := 0; j < 2; j++ {
			t[j] = r.count()
			for k := 0; k < t[j] && r.err == nil; k++ {
				m.noteValType(r.valType())
			}
		}
		types = append(types, t)
	}
	return types
}

func (m *Module) readImports(r *reader) {
	for i, n := 0, r.count(); i < n && r.err == nil; i++ {
		im := Import{Module: r.name(), Name: r.name()}
		kind := r.byte()
		if r.err != nil {
			return
		}
		if int(kind) >= len(kinds) {
			r.fail(fmt.Errorf("import %s.%s: unknown kind %d", im.Module, im.Name, kind))
			return
		}
		im.Kind = kinds[kind]
		switch kind {
		case 0: // function: type index
			r.u32()
		case 1:
			m.tableType(r)
		case 2:
			l := r.limits()
			im.Memory = &l
			m.Memories = append(m.Memories, l)
		case 3:
			m.noteValType(r.valType())
			if im.Mutable = r.byte() == 1; im.Mutable {
				m.Features.add(MutableGlobals)
			}
		case 4: // tag: attribute, type index
			m.Features.add(ExceptionHandling)
			r.byte()
			r.u32()
		}
		m.Imports = append(m.Imports, im)
	}
}

func (m *Module) readExports(r *reader, globalsMutable []bool) {
	importedGlobals := 0
	for _, im := range m.Imports {
		if im.Kind == KindGlobal {
			importedGlobals++
		}
	}
	for i, n := 0, r.count(); i < n && r.err == nil; i++ {
		name := r.name()
		kind := r.byte()
		idx := r.u32()
		if r.err != nil {
			return
		}
		if int(kind) >= len(kinds) {
			r.fail(fmt.Errorf("export %s: unknown kind %d", name, kind))
			return
		}
		if kind == 3 {
			if j := int(idx) - importedGlobals; j >= 0 && j < len(globalsMutable) && globalsMutable[j] {
				m.Features.add(MutableGlobals)
			}
		}
		m.Exports = append(m.Exports, Export{Name: name, Kind: kinds[kind]})
	}
}

func (m *Module) tableType(r *reader) {
	m.Tables++
	m.noteValType(r.valType())
	r.limits()
}

// noteValType records the features a value type needs.
func (m *Module) noteValType(t byte) {
	switch t {
	case 0x7b:
		m.Features.add(SIMD)
	case 0x6f: // externref
		m.Features.add(ReferenceTypes)
	case 0x63, 0x64:
		m.Features.add(FunctionReferences)
	}
}

// constExpr skips an initializer expression up to its end opcode.
func (m *Module) constExpr(r *reader) {
	m.instructions(r, true)
}

func (m *Module) readCode(r *reader) {
	for i, n := 0, r.count(); i < n && r.err == nil; i++ {
		size := r.u32()
		body := r.bytes(uint64(size))
		if r.err != nil {
			return
		}
		br := &reader{b: body}
		for j, groups := 0, br.count(); j < groups && br.err == nil; j++ {
			br.u32()
			m.noteValType(br.valType())
		}
		if !m.instructions(br, false) {
			continue // an instruction set wasmfile does not decode (GC): features so far
		}
		if br.err != nil {
			r.fail(fmt.Errorf("function body %d: %w", i, br.err))
			return
		}
	}
}
