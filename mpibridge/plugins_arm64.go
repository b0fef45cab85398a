package mpibridge

import "embed"

// The MPI plugins for arm64 (see load.go).
//
//go:embed plugin/lib/arm64
var plugins embed.FS

const pluginDir = "plugin/lib/arm64"
