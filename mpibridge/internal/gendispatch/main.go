package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/wasmrun/wasmrun/mpibridge/internal/dispatch"
)

func main() {
	dir := "mpibridge"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	src, err := dispatch.Generate(dir)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "dispatch.c"), src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendispatch:", err)
		os.Exit(1)
	}
}
