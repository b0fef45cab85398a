package embedder

import (
	"fmt"
	"strings"
)

// Trap is a guest trap: why it happened and where.
type Trap struct {
	Cause string   // "integer divide by zero", "out of bounds memory access", ...
	Stack []string // wasm call stack, innermost first, with name-section names
}

// ParseTrap splits a wazero trap error into its cause and call stack.
func ParseTrap(err error) Trap {
	text := err.Error()
	head, stack, _ := strings.Cut(text, "\nwasm stack trace:")
	head = strings.TrimSpace(head)
	head = strings.TrimPrefix(head, "wasm error: ")
	var t Trap
	t.Cause = head
	if i := strings.IndexByte(head, '\n'); i >= 0 {
		t.Cause = head[:i]
	}
	for _, line := range strings.Split(stack, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "Go runtime stack trace") {
			if strings.HasPrefix(line, "Go runtime") {
				break
			}
			continue
		}
		t.Stack = append(t.Stack, line)
	}
	return t
}

// Report formats the trap for stderr; label names the process within its
// job ("rank 3") and may be empty.
func (t Trap) Report(label, module string) string {
	var b strings.Builder
	who := module
	if label != "" {
		who = label + " (" + module + ")"
	}
	fmt.Fprintf(&b, "wasmrun: %s trapped: %s\n", who, t.Cause)
	if len(t.Stack) > 0 {
		b.WriteString("wasm stack:\n")
		for _, f := range t.Stack {
			fmt.Fprintf(&b, "    %s\n", f)
		}
	}
	return b.String()
}
