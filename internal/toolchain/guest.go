package toolchain

import "embed"

// guest is the part of the guest library that every module gets: the flush
// hook, the OpenMP runtime for one thread (omp.h, omp.c) and the C++ throw
// report (cxa.cc). Sources are compiled into lazily linked objects, so a
// module gets only what it calls; headers go to the include directory.
//
//go:embed guest
var guest embed.FS
