// cg.cpp - conjugate-gradient solver for the 2D Poisson problem in CSR form.
//
// Discretises -laplace(u) = f on the unit square with homogeneous Dirichlet
// boundary conditions on an n x n interior grid (5-point stencil, scaled by
// h^2 so the matrix has 4 on the diagonal and -1 off it). The right-hand side
// is b = A * x_exact for a known smooth polynomial x_exact, so the solver's
// error can be measured as well as its residual.
//
// The matrix is assembled into a templated CSR class and solved with
// unpreconditioned CG until ||r|| / ||b|| < TOL or maxiter is reached.
//
// Self-check: CG converged within maxiter, the *true* residual
// ||b - A x|| / ||b|| (recomputed from scratch) is below 10 * TOL, and the
// matrix is symmetric.
//
// Usage: cg [n] [maxiter]    (defaults: n = 128, maxiter = 10000)
// Builds with -fno-exceptions; output via printf only.
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

namespace {

constexpr double TOL = 1e-10;

// Compressed sparse row matrix.
template <typename T>
class CsrMatrix {
public:
    explicit CsrMatrix(std::size_t rows) : rows_(rows) { row_ptr_.reserve(rows + 1); row_ptr_.push_back(0); }

    // Rows must be built in order: add entries, then finish_row().
    void add(std::size_t col, T value) { cols_.push_back(col); vals_.push_back(value); }
    void finish_row() { row_ptr_.push_back(cols_.size()); }

    std::size_t rows() const { return rows_; }
    std::size_t nnz() const { return vals_.size(); }
    bool complete() const { return row_ptr_.size() == rows_ + 1; }

    // y = A x
    void multiply(const std::vector<T> &x, std::vector<T> &y) const {
        for (std::size_t i = 0; i < rows_; ++i) {
            T s = T(0);
            for (std::size_t k = row_ptr_[i]; k < row_ptr_[i + 1]; ++k)
                s += vals_[k] * x[cols_[k]];
            y[i] = s;
        }
    }

    T at(std::size_t i, std::size_t j) const {
        for (std::size_t k = row_ptr_[i]; k < row_ptr_[i + 1]; ++k)
            if (cols_[k] == j) return vals_[k];
        return T(0);
    }

    bool symmetric() const {
        for (std::size_t i = 0; i < rows_; ++i)
            for (std::size_t k = row_ptr_[i]; k < row_ptr_[i + 1]; ++k)
                if (at(cols_[k], i) != vals_[k]) return false;
        return true;
    }

private:
    std::size_t rows_;
    std::vector<std::size_t> row_ptr_;
    std::vector<std::size_t> cols_;
    std::vector<T> vals_;
};

template <typename T>
T dot(const std::vector<T> &a, const std::vector<T> &b) {
    T s = T(0);
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}

// y += alpha * x
template <typename T>
void axpy(T alpha, const std::vector<T> &x, std::vector<T> &y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += alpha * x[i];
}

// 5-point Poisson matrix on an n x n grid, unknown (i, j) -> i * n + j.
template <typename T>
CsrMatrix<T> poisson2d(std::size_t n) {
    CsrMatrix<T> a(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            std::size_t r = i * n + j;
            if (i > 0) a.add(r - n, T(-1));
            if (j > 0) a.add(r - 1, T(-1));
            a.add(r, T(4));
            if (j + 1 < n) a.add(r + 1, T(-1));
            if (i + 1 < n) a.add(r + n, T(-1));
            a.finish_row();
        }
    return a;
}

template <typename T>
struct CgResult {
    int iterations;
    T residual_norm;  // recursive ||r||
    bool converged;
};

// Unpreconditioned conjugate gradient for SPD A; x holds the initial guess.
template <typename T>
class ConjugateGradient {
public:
    ConjugateGradient(const CsrMatrix<T> &a, T tol, int maxiter) : a_(a), tol_(tol), maxiter_(maxiter) {}

    CgResult<T> solve(const std::vector<T> &b, std::vector<T> &x) const {
        const std::size_t n = a_.rows();
        std::vector<T> r(n), p(n), ap(n);
        a_.multiply(x, ap);
        for (std::size_t i = 0; i < n; ++i) r[i] = b[i] - ap[i];
        p = r;
        const T bnorm = std::sqrt(dot(b, b));
        const T stop = tol_ * (bnorm > T(0) ? bnorm : T(1));
        T rr = dot(r, r);
        int it = 0;
        while (std::sqrt(rr) >= stop && it < maxiter_) {
            a_.multiply(p, ap);
            const T alpha = rr / dot(p, ap);
            axpy(alpha, p, x);
            axpy(-alpha, ap, r);
            const T rr_new = dot(r, r);
            const T beta = rr_new / rr;
            for (std::size_t i = 0; i < n; ++i) p[i] = r[i] + beta * p[i];
            rr = rr_new;
            ++it;
        }
        return CgResult<T>{it, std::sqrt(rr), std::sqrt(rr) < stop};
    }

private:
    const CsrMatrix<T> &a_;
    T tol_;
    int maxiter_;
};

long parse_arg(const char *s, long lo, long hi, const char *name) {
    char *end = nullptr;
    long v = std::strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi) {
        std::fprintf(stderr, "cg: invalid %s '%s' (expected %ld..%ld)\n", name, s, lo, hi);
        std::exit(2);
    }
    return v;
}

double wall_seconds() {
    std::timespec ts;
    if (std::timespec_get(&ts, TIME_UTC) != TIME_UTC) return 0.0;
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace

int main(int argc, char **argv) {
    if (argc > 3) {
        std::fprintf(stderr, "usage: %s [n] [maxiter]\n", argv[0]);
        return 2;
    }
    const std::size_t n = argc > 1 ? static_cast<std::size_t>(parse_arg(argv[1], 1, 4096, "n")) : 128;
    const int maxiter = argc > 2 ? static_cast<int>(parse_arg(argv[2], 0, 100000000, "maxiter")) : 10000;
    const double t0 = wall_seconds();

    const CsrMatrix<double> a = poisson2d<double>(n);
    const std::size_t dim = a.rows();

    // Exact solution: x(s, t) = 16 s (1 - s) t (1 - t) (1 + s) at s = (i+1)h, t = (j+1)h.
    const double h = 1.0 / static_cast<double>(n + 1);
    std::vector<double> xexact(dim), b(dim), x(dim, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            const double s = static_cast<double>(i + 1) * h, t = static_cast<double>(j + 1) * h;
            xexact[i * n + j] = 16.0 * s * (1.0 - s) * t * (1.0 - t) * (1.0 + s);
        }
    a.multiply(xexact, b);

    const ConjugateGradient<double> cg(a, TOL, maxiter);
    const CgResult<double> res = cg.solve(b, x);

    // True residual and error, recomputed from scratch.
    std::vector<double> ax(dim);
    a.multiply(x, ax);
    double rtrue = 0.0, err = 0.0, checksum = 0.0;
    for (std::size_t k = 0; k < dim; ++k) {
        const double d = b[k] - ax[k];
        rtrue += d * d;
        const double e = std::fabs(x[k] - xexact[k]);
        if (e > err) err = e;
        checksum += static_cast<double>(1 + k % 97) * x[k];
    }
    rtrue = std::sqrt(rtrue);
    const double bnorm = std::sqrt(dot(b, b));
    const double rel = rtrue / (bnorm > 0.0 ? bnorm : 1.0);

    const bool sym = a.symmetric();
    const bool ok = res.converged && sym && rel < 10.0 * TOL && std::isfinite(checksum);

    std::printf("cg: 2D Poisson, grid %zu x %zu, %zu unknowns, %zu nonzeros, tol %.1e\n", n, n, dim, a.nnz(), TOL);
    std::printf("iterations          = %d%s\n", res.iterations, res.converged ? "" : " (not converged)");
    std::printf("residual norm       = %.10e\n", res.residual_norm);
    std::printf("true rel. residual  = %.10e\n", rel);
    std::printf("max error vs exact  = %.10e\n", err);
    std::printf("solution checksum   = %.10e\n", checksum);
    std::printf("self-check (converged, residual < %.1e, symmetric): %s\n", 10.0 * TOL, ok ? "PASS" : "FAIL");

    std::fprintf(stderr, "cg: %.3f s wall\n", wall_seconds() - t0);
    return ok ? 0 : 1;
}
