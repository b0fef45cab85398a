package doctor

import (
	"fmt"
	"io"
	"strings"
)

// Verdict is how a check came out.
type Verdict int

// Verdicts, from good to bad.
const (
	OK     Verdict = iota // works
	Absent                // not there, and not needed for MPI jobs (no GPU driver)
	Warn                  // works, but something should change
	Fail                  // does not work
)

func (v Verdict) String() string {
	return [...]string{" ok ", " -- ", "warn", "FAIL"}[v]
}

// Check is one line of the checklist.
type Check struct {
	Name    string  `json:"name"`
	Verdict Verdict `json:"-"`
	Detail  string  `json:"detail"`
	// Needed: a Fail means the node cannot run MPI jobs under wasmrun.
	Needed bool `json:"needed"`
}

// Report is the whole checklist.
type Report []Check

// CanRunMPI reports whether no needed check failed.
func (r Report) CanRunMPI() bool {
	for _, c := range r {
		if c.Needed && c.Verdict == Fail {
			return false
		}
	}
	return true
}

// Write prints the checklist and the verdict.
func (r Report) Write(w io.Writer) error {
	width := 0
	for _, c := range r {
		width = max(width, len(c.Name))
	}
	var b strings.Builder
	for _, c := range r {
		fmt.Fprintf(&b, "[%s] %-*s  %s\n", c.Verdict, width, c.Name, c.Detail)
	}
	if r.CanRunMPI() {
		b.WriteString("verdict: this node can run MPI jobs under wasmrun\n")
	} else {
		var failed []string
		for _, c := range r {
			if c.Needed && c.Verdict == Fail {
				failed = append(failed, c.Name)
			}
		}
		fmt.Fprintf(&b, "verdict: this node cannot run MPI jobs under wasmrun (%s)\n", strings.Join(failed, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
