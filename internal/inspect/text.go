package inspect

import (
	"fmt"
	"io"
	"strings"
)

// WriteText prints the report for people.
func (r *Report) WriteText(w io.Writer) error {
	p := &printer{w: w}
	p.line("module", r.Path)
	p.line("sha256", r.SHA256)
	p.line("size", fmt.Sprintf("%d bytes (%s)", r.Size, human(uint64(r.Size))))
	switch m := r.Memory; {
	case m == nil:
		p.line("memory", "none")
	default:
		s := fmt.Sprintf("%d pages (%s) at start, ", m.MinPages, human(m.MinPages*pageSize))
		if m.MaxPages == nil {
			s += "no maximum"
		} else {
			s += fmt.Sprintf("up to %d pages (%s)", *m.MaxPages, human(*m.MaxPages*pageSize))
		}
		if m.Imported {
			s += ", imported"
		}
		if m.Shared {
			s += ", shared"
		}
		p.line("memory", s)
	}
	var ok, not []string
	for _, f := range r.Features {
		if f.Supported {
			ok = append(ok, f.Name)
		} else {
			not = append(not, f.Name)
		}
	}
	switch {
	case len(r.Features) == 0:
		p.line("features", "none beyond WebAssembly 1.0")
	case len(not) == 0:
		p.line("features", strings.Join(ok, ", ")+": all supported")
	default:
		line := strings.Join(ok, ", ")
		if line != "" {
			line += "; "
		}
		p.line("features", line+"NOT supported by this wasmrun: "+strings.Join(not, ", "))
	}
	sig := r.Signature.Status
	if r.Signature.Key != "" {
		sig += " by " + r.Signature.Key
	}
	if r.Signature.Explanation != "" {
		sig += ": " + r.Signature.Explanation
	}
	p.line("signature", sig)
	if b := r.Build; b != nil {
		p.line("built by", b.Tool)
		p.line("  compiler", b.Compiler)
		p.line("  flags", strings.Join(b.Flags, " "))
		p.line("  sources", strings.Join(b.Sources, " "))
		if len(b.Inputs) > 0 {
			p.line("  inputs", strings.Join(b.Inputs, " "))
		}
	} else {
		p.line("built by", "unknown (no "+"wasmrun.build section)")
	}
	if len(r.Imports) == 0 {
		p.line("imports", "none")
	}
	for i, g := range r.Imports {
		label := ""
		if i == 0 {
			label = "imports"
		}
		head := g.Label
		if g.Label != g.Module {
			head += " (" + g.Module + ")"
		}
		switch {
		case !g.Provided:
			head += fmt.Sprintf(": %d, not supported: this wasmrun has no such host module", len(g.Imports))
		case g.Supported == len(g.Imports):
			head += fmt.Sprintf(": %d, all supported", len(g.Imports))
		default:
			head += fmt.Sprintf(": %d, %d NOT supported", len(g.Imports), len(g.Imports)-g.Supported)
		}
		p.line(label, head)
		ok = nil
		for _, im := range g.Imports {
			if im.Supported {
				ok = append(ok, im.Name)
			} else {
				p.line("", "  "+im.Name+describeKind(im.Kind)+"  NOT supported")
			}
		}
		p.wrap("", "  ", ok)
	}
	var ex []string
	for _, e := range r.Exports {
		ex = append(ex, e.Name+describeKind(e.Kind))
	}
	if len(ex) == 0 {
		p.line("exports", "none")
	}
	p.wrap("exports", "", ex)
	var cs []string
	for _, c := range r.Custom {
		cs = append(cs, fmt.Sprintf("%s (%s)", c.Name, human(uint64(c.Size))))
	}
	if len(cs) == 0 {
		p.line("custom", "none")
	}
	p.wrap("custom", "", cs)
	if r.Runnable {
		p.line("runnable", "yes")
	} else {
		p.line("runnable", "no: "+strings.Join(r.Problems, "; "))
	}
	return p.err
}

func supported(ok bool) string {
	if ok {
		return "supported"
	}
	return "NOT supported"
}

func describeKind(kind string) string {
	if kind == "func" {
		return ""
	}
	return " (" + kind + ")"
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(label, text string) {
	if p.err == nil {
		_, p.err = fmt.Fprintln(p.w, strings.TrimRight(fmt.Sprintf("%-11s%s", label, text), " "))
	}
}

// wrap prints names after the label column, as many to a line as fit in
// 80 columns, the label on the first.
func (p *printer) wrap(label, indent string, names []string) {
	line := ""
	for _, n := range names {
		if line != "" && 11+len(indent)+len(line)+2+len(n) > 80 {
			p.line(label, indent+line+",")
			line, label = "", ""
		}
		if line != "" {
			line += ", "
		}
		line += n
	}
	if line != "" {
		p.line(label, indent+line)
	}
}

func human(n uint64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := uint64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
