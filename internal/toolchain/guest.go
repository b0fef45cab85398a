package toolchain

import "embed"

// Guest is the part of the guest library that every module gets.
//
//go:embed guest/*.c
var guest embed.FS
