package numlib

// #include "loader.h"
import "C"

// openblasRoutines are OpenBLAS's thread controls, which HPC codes call
// to give each rank its share of the cores. With a BLAS that lacks them
// (the reference BLAS, BLIS), setting does nothing and the count is 1.
var openblasRoutines = []routine{
	hostRoutine("openblas_set_num_threads", "i32", "", func(b *Bridge, s []uint64) {
		b.blas.open(&call{b: b, name: "openblas_set_num_threads"})
		if C.wr_openblas_has() == 0 {
			b.logf("openblas_set_num_threads: the BLAS %s has no thread control; ignored", b.blas.found)
			return
		}
		C.wr_openblas_set_num_threads(C.int(max(int32(s[0]), 1)))
	}),
	hostRoutine("openblas_get_num_threads", "", "i32", func(b *Bridge, s []uint64) {
		b.blas.open(&call{b: b, name: "openblas_get_num_threads"})
		s[0] = 1
		if C.wr_openblas_has() != 0 {
			s[0] = uint64(uint32(C.wr_openblas_get_num_threads()))
		}
	}),
}
