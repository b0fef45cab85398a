package numlib

import "strings"

// The argument checks, one per shape of argument list (spec.txt names the
// shape of each routine). Each checks every parameter that bounds what the
// routine touches, in parameter order, and every array over its extent;
// positions count from 1.

// CBLAS level 1.

// checkNx: (N, X, incX).
func checkNx(c *call) { c.vector1(2, c.int(1), 3) }

// checkNxy: (N, X, incX, Y, incY ...).
func checkNxy(c *call) {
	n := c.int(1)
	c.vector1(2, n, 3)
	c.vector1(4, n, 5)
}

// checkCdot: the complex dot products, (N, X, incX, Y, incY, result).
// OpenBLAS (0.3.21) reads one more element of X, |incX| elements before X,
// when incX is negative (and computes the right result): that element
// must lie in guest memory too (found by FuzzBridge, which faulted in the
// guard before guest memory; a native program with X at the start of its
// mapping faults alike).
func checkCdot(c *call) {
	checkNxy(c)
	if inc := c.int(3); c.bad == 0 && inc < 0 && c.int(1) > 0 && uint64(uint32(c.s[1])) < uint64(-inc)*c.elem {
		c.fail(2, "with incX %d the host BLAS reads %d bytes before X at 0x%x, outside guest memory", inc, uint64(-inc)*c.elem, uint32(c.s[1]))
	}
}

// checkNaxy: (N, alpha, X, incX, Y, incY).
func checkNaxy(c *call) {
	n := c.int(1)
	c.vector1(3, n, 4)
	c.vector1(5, n, 6)
}

// checkNax: (N, alpha, X, incX).
func checkNax(c *call) { c.vector1(3, c.int(1), 4) }

// CBLAS level 2.

// opLengths are the lengths of x and y for an m x n matrix op(A) x.
func opLengths(t, m, n int64) (lx, ly int64) {
	if t == noTrans {
		return n, m
	}
	return m, n
}

// checkGemv: (order, TransA, M, N, alpha, A, lda, X, incX, beta, Y, incY).
func checkGemv(c *call) {
	c.layout(1)
	t := c.trans(2)
	m, n := c.dim(3), c.dim(4)
	c.matrix(6, 7, m, n)
	lx, ly := opLengths(t, m, n)
	c.vector(8, lx, 9)
	c.vector(11, ly, 12)
}

// checkGbmv: (order, TransA, M, N, KL, KU, alpha, A, lda, X, incX, beta, Y,
// incY). Column-major A holds N columns of KL+KU+1, row-major M rows.
func checkGbmv(c *call) {
	c.layout(1)
	t := c.trans(2)
	m, n, kl, ku := c.dim(3), c.dim(4), c.dim(5), c.dim(6)
	major := n
	if c.row {
		major = m
	}
	c.band(8, 9, major, kl+ku+1)
	lx, ly := opLengths(t, m, n)
	c.vector(10, lx, 11)
	c.vector(13, ly, 14)
}

// checkTrmv: (order, Uplo, TransA, Diag, N, A, lda, X, incX).
func checkTrmv(c *call) {
	c.layout(1)
	c.uplo(2)
	c.trans(3)
	c.diag(4)
	n := c.dim(5)
	c.matrix(6, 7, n, n)
	c.vector(8, n, 9)
}

// checkTbmv: (order, Uplo, TransA, Diag, N, K, A, lda, X, incX).
func checkTbmv(c *call) {
	c.layout(1)
	c.uplo(2)
	c.trans(3)
	c.diag(4)
	n, k := c.dim(5), c.dim(6)
	c.band(7, 8, n, k+1)
	c.vector(9, n, 10)
}

// checkTpmv: (order, Uplo, TransA, Diag, N, Ap, X, incX).
func checkTpmv(c *call) {
	c.layout(1)
	c.uplo(2)
	c.trans(3)
	c.diag(4)
	n := c.dim(5)
	c.packed(6, n)
	c.vector(7, n, 8)
}

// checkSymv: (order, Uplo, N, alpha, A, lda, X, incX, beta, Y, incY).
func checkSymv(c *call) {
	c.layout(1)
	c.uplo(2)
	n := c.dim(3)
	c.matrix(5, 6, n, n)
	c.vector(7, n, 8)
	c.vector(10, n, 11)
}

// checkSbmv: (order, Uplo, N, K, alpha, A, lda, X, incX, beta, Y, incY).
func checkSbmv(c *call) {
	c.layout(1)
	c.uplo(2)
	n, k := c.dim(3), c.dim(4)
	c.band(6, 7, n, k+1)
	c.vector(8, n, 9)
	c.vector(11, n, 12)
}

// checkSpmv: (order, Uplo, N, alpha, Ap, X, incX, beta, Y, incY).
func checkSpmv(c *call) {
	c.layout(1)
	c.uplo(2)
	n := c.dim(3)
	c.packed(5, n)
	c.vector(6, n, 7)
	c.vector(9, n, 10)
}

// checkGer: (order, M, N, alpha, X, incX, Y, incY, A, lda).
func checkGer(c *call) {
	c.layout(1)
	m, n := c.dim(2), c.dim(3)
	c.vector(5, m, 6)
	c.vector(7, n, 8)
	c.matrix(9, 10, m, n)
}

// checkSyr: (order, Uplo, N, alpha, X, incX, A, lda).
func checkSyr(c *call) {
	c.layout(1)
	c.uplo(2)
	n := c.dim(3)
	c.vector(5, n, 6)
	c.matrix(7, 8, n, n)
}

// checkSpr: (order, Uplo, N, alpha, X, incX, Ap).
func checkSpr(c *call) {
	c.layout(1)
	c.uplo(2)
	n := c.dim(3)
	c.vector(5, n, 6)
	c.packed(7, n)
}

// checkSyr2: (order, Uplo, N, alpha, X, incX, Y, incY, A, lda).
func checkSyr2(c *call) {
	c.layout(1)
	c.uplo(2)
	n := c.dim(3)
	c.vector(5, n, 6)
	c.vector(7, n, 8)
	c.matrix(9, 10, n, n)
}

// checkSpr2: (order, Uplo, N, alpha, X, incX, Y, incY, Ap).
func checkSpr2(c *call) {
	c.layout(1)
	c.uplo(2)
	n := c.dim(3)
	c.vector(5, n, 6)
	c.vector(7, n, 8)
	c.packed(9, n)
}

// CBLAS level 3.

// opShape is the stored shape of op(X) when op(X) is rows x cols.
func opShape(t, rows, cols int64) (int64, int64) {
	if t == noTrans {
		return rows, cols
	}
	return cols, rows
}

// checkGemm: (Order, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta,
// C, ldc).
func checkGemm(c *call) {
	c.layout(1)
	ta, tb := c.trans(2), c.trans(3)
	m, n, k := c.dim(4), c.dim(5), c.dim(6)
	ar, ac := opShape(ta, m, k)
	c.matrix(8, 9, ar, ac)
	br, bc := opShape(tb, k, n)
	c.matrix(10, 11, br, bc)
	c.matrix(13, 14, m, n)
}

// checkSymm: (Order, Side, Uplo, M, N, alpha, A, lda, B, ldb, beta, C, ldc).
func checkSymm(c *call) {
	c.layout(1)
	side := c.side(2)
	c.uplo(3)
	m, n := c.dim(4), c.dim(5)
	ka := n
	if side == left {
		ka = m
	}
	c.matrix(7, 8, ka, ka)
	c.matrix(9, 10, m, n)
	c.matrix(12, 13, m, n)
}

// rankTrans checks the Trans of a rank-k update: the Hermitian routines
// (herk, her2k) take NoTrans or ConjTrans, the complex symmetric ones
// NoTrans or Trans, the real ones any.
func (c *call) rankTrans(pos int) int64 {
	t := c.trans(pos)
	complexType := c.elem == 2*c.real
	switch {
	case c.bad != 0 || !complexType:
	case strings.Contains(c.name, "her") && t == trans:
		c.fail(pos, "a Hermitian update takes CblasNoTrans or CblasConjTrans")
	case !strings.Contains(c.name, "her") && t == conjTrans:
		c.fail(pos, "a complex symmetric update takes CblasNoTrans or CblasTrans")
	}
	return t
}

// checkSyrk: (Order, Uplo, Trans, N, K, alpha, A, lda, beta, C, ldc).
func checkSyrk(c *call) {
	c.layout(1)
	c.uplo(2)
	t := c.rankTrans(3)
	n, k := c.dim(4), c.dim(5)
	ar, ac := opShape(t, n, k)
	c.matrix(7, 8, ar, ac)
	c.matrix(10, 11, n, n)
}

// checkSyr2k: (Order, Uplo, Trans, N, K, alpha, A, lda, B, ldb, beta, C, ldc).
func checkSyr2k(c *call) {
	c.layout(1)
	c.uplo(2)
	t := c.rankTrans(3)
	n, k := c.dim(4), c.dim(5)
	ar, ac := opShape(t, n, k)
	c.matrix(7, 8, ar, ac)
	c.matrix(9, 10, ar, ac)
	c.matrix(12, 13, n, n)
}

// checkTrmm: (Order, Side, Uplo, TransA, Diag, M, N, alpha, A, lda, B, ldb).
func checkTrmm(c *call) {
	c.layout(1)
	side := c.side(2)
	c.uplo(3)
	c.trans(4)
	c.diag(5)
	m, n := c.dim(6), c.dim(7)
	ka := n
	if side == left {
		ka = m
	}
	c.matrix(9, 10, ka, ka)
	c.matrix(11, 12, m, n)
}

// LAPACKE. Every routine takes the layout first.

// checkGesv: (layout, n, nrhs, a, lda, ipiv, b, ldb).
func checkGesv(c *call) {
	c.layout(1)
	n, nrhs := c.dim(2), c.dim(3)
	c.matrix(4, 5, n, n)
	c.ints(6, n)
	c.matrix(7, 8, n, nrhs)
}

// checkGetrf: (layout, m, n, a, lda, ipiv).
func checkGetrf(c *call) {
	c.layout(1)
	m, n := c.dim(2), c.dim(3)
	c.matrix(4, 5, m, n)
	c.ints(6, min(m, n))
}

// checkGetrs: (layout, trans, n, nrhs, a, lda, ipiv, b, ldb).
func checkGetrs(c *call) {
	c.layout(1)
	c.char(2, "NTC")
	n, nrhs := c.dim(3), c.dim(4)
	c.matrix(5, 6, n, n)
	c.ints(7, n)
	c.matrix(8, 9, n, nrhs)
}

// checkGetri: (layout, n, a, lda, ipiv).
func checkGetri(c *call) {
	c.layout(1)
	n := c.dim(2)
	c.matrix(3, 4, n, n)
	c.ints(5, n)
}

// checkPotrf: (layout, uplo, n, a, lda).
func checkPotrf(c *call) {
	c.layout(1)
	c.char(2, "UL")
	n := c.dim(3)
	c.matrix(4, 5, n, n)
}

// checkPotrs: (layout, uplo, n, nrhs, a, lda, b, ldb); posv too.
func checkPotrs(c *call) {
	c.layout(1)
	c.char(2, "UL")
	n, nrhs := c.dim(3), c.dim(4)
	c.matrix(5, 6, n, n)
	c.matrix(7, 8, n, nrhs)
}

// checkGeqrf: (layout, m, n, a, lda, tau).
func checkGeqrf(c *call) {
	c.layout(1)
	m, n := c.dim(2), c.dim(3)
	c.matrix(4, 5, m, n)
	c.array(6, min(m, n))
}

// checkOrgqr: (layout, m, n, k, a, lda, tau), with m >= n >= k.
func checkOrgqr(c *call) {
	c.layout(1)
	m, n, k := c.dim(2), c.dim(3), c.dim(4)
	if n > m {
		c.fail(3, "n=%d is more than m=%d", n, m)
	}
	if k > n {
		c.fail(4, "k=%d is more than n=%d", k, n)
	}
	c.matrix(5, 6, m, n)
	c.array(7, k)
}

// checkGels: (layout, trans, m, n, nrhs, a, lda, b, ldb).
func checkGels(c *call) {
	c.layout(1)
	if c.elem == 2*c.real {
		c.char(2, "NC")
	} else {
		c.char(2, "NT")
	}
	m, n, nrhs := c.dim(3), c.dim(4), c.dim(5)
	c.matrix(6, 7, m, n)
	c.matrix(8, 9, max(m, n), nrhs)
}

// checkGesvd: (layout, jobu, jobvt, m, n, a, lda, s, u, ldu, vt, ldvt,
// superb).
func checkGesvd(c *call) {
	c.layout(1)
	ju, jv := c.char(2, "ASON"), c.char(3, "ASON")
	if ju == 'O' && jv == 'O' {
		c.fail(3, "jobu and jobvt cannot both be 'O'")
	}
	m, n := c.dim(4), c.dim(5)
	mn := min(m, n)
	c.matrix(6, 7, m, n)
	c.reals(8, mn)
	var ur, uc, vr, vc int64
	switch ju {
	case 'A':
		ur, uc = m, m
	case 'S':
		ur, uc = m, mn
	}
	switch jv {
	case 'A':
		vr, vc = n, n
	case 'S':
		vr, vc = mn, n
	}
	c.matrix(9, 10, ur, uc)
	c.matrix(11, 12, vr, vc)
	c.reals(13, mn-1)
}

// checkGesdd: (layout, jobz, m, n, a, lda, s, u, ldu, vt, ldvt).
func checkGesdd(c *call) {
	c.layout(1)
	jz := c.char(2, "ASON")
	m, n := c.dim(3), c.dim(4)
	mn := min(m, n)
	c.matrix(5, 6, m, n)
	c.reals(7, mn)
	var ur, uc, vr, vc int64
	switch {
	case jz == 'A', jz == 'O' && m < n:
		ur, uc = m, m
	case jz == 'S':
		ur, uc = m, mn
	}
	switch {
	case jz == 'A', jz == 'O' && m >= n:
		vr, vc = n, n
	case jz == 'S':
		vr, vc = mn, n
	case c.row:
		// LAPACKE's row-major gesdd wants ldvt >= n even when vt is
		// not referenced.
		vr, vc = 0, n
	}
	c.matrix(8, 9, ur, uc)
	c.matrix(10, 11, vr, vc)
}

// checkSyev: (layout, jobz, uplo, n, a, lda, w); heev, syevd, heevd too.
func checkSyev(c *call) {
	c.layout(1)
	c.char(2, "NV")
	c.char(3, "UL")
	n := c.dim(4)
	c.matrix(5, 6, n, n)
	c.reals(7, n)
}

// eigenvectors is the shape of geev's vl or vr for option job.
func eigenvectors(job byte, n int64) int64 {
	if job == 'V' {
		return n
	}
	return 0
}

// checkGeev: real (layout, jobvl, jobvr, n, a, lda, wr, wi, vl, ldvl, vr,
// ldvr).
func checkGeev(c *call) {
	c.layout(1)
	jl, jr := c.char(2, "NV"), c.char(3, "NV")
	n := c.dim(4)
	c.matrix(5, 6, n, n)
	c.reals(7, n)
	c.reals(8, n)
	c.matrix(9, 10, eigenvectors(jl, n), eigenvectors(jl, n))
	c.matrix(11, 12, eigenvectors(jr, n), eigenvectors(jr, n))
}

// checkGeevc: complex (layout, jobvl, jobvr, n, a, lda, w, vl, ldvl, vr,
// ldvr).
func checkGeevc(c *call) {
	c.layout(1)
	jl, jr := c.char(2, "NV"), c.char(3, "NV")
	n := c.dim(4)
	c.matrix(5, 6, n, n)
	c.array(7, n)
	c.matrix(8, 9, eigenvectors(jl, n), eigenvectors(jl, n))
	c.matrix(10, 11, eigenvectors(jr, n), eigenvectors(jr, n))
}

// checkTrtrs: (layout, uplo, trans, diag, n, nrhs, a, lda, b, ldb).
func checkTrtrs(c *call) {
	c.layout(1)
	c.char(2, "UL")
	c.char(3, "NTC")
	c.char(4, "NU")
	n, nrhs := c.dim(5), c.dim(6)
	c.matrix(7, 8, n, n)
	c.matrix(9, 10, n, nrhs)
}

// checkLange: (layout, norm, m, n, a, lda).
func checkLange(c *call) {
	c.layout(1)
	c.char(2, "M1OIFE")
	m, n := c.dim(3), c.dim(4)
	c.matrix(5, 6, m, n)
}
