// C++ with try, catch and throw, built by wasmrun c++ without flags. The
// error path throws only when asked: a run that does not throw runs as
// natively; a throw ends the rank with a report of the exception.
//
// Usage: throw [none|runtime|derived|int] [rank]
#include <mpi.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

struct Tagged {
    virtual ~Tagged() {}
    int tag = 7;
};
// std::exception is not the primary base: what() needs the adjusted pointer.
struct SolverError : Tagged, std::logic_error {
    explicit SolverError(const std::string &m) : std::logic_error(m) {}
};

static double checked_sqrt_sum(const std::vector<double> &v, const char *mode) {
    double s = 0;
    for (double x : v) {
        if (x < 0 || !std::strcmp(mode, "runtime")) throw std::runtime_error("boom");
        if (!std::strcmp(mode, "derived")) throw SolverError("matrix not positive definite");
        if (!std::strcmp(mode, "int")) throw 42;
        s += x;
    }
    return s;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    const char *mode = argc > 1 ? argv[1] : "none";
    int thrower = argc > 2 ? std::atoi(argv[2]) : 0;
    std::vector<double> v = {1, 4, 9, 16};
    double s = 0;
    try {
        s = checked_sqrt_sum(v, rank == thrower ? mode : "none");
    } catch (const std::exception &e) {
        std::printf("rank %d: caught %s\n", rank, e.what());
        s = -1;
    }
    double total = 0;
    MPI_Allreduce(&s, &total, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) std::printf("sum %.1f\n", total);
    MPI_Finalize();
    return 0;
}
