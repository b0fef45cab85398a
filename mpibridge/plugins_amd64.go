package mpibridge

import "embed"

// The MPI plugins for amd64 (see load.go).
//
//go:embed plugin/lib/amd64
var plugins embed.FS

const pluginDir = "plugin/lib/amd64"
