#include "stats.h"

stats_t stats_reduce(long long value, MPI_Comm comm) {
    long long in[2] = {value, -value}, out[2], sum;
    MPI_Allreduce(in, out, 2, MPI_LONG_LONG, MPI_MAX, comm);
    MPI_Allreduce(&value, &sum, 1, MPI_LONG_LONG, MPI_SUM, comm);
    stats_t s = {-out[1], out[0], sum};
    return s;
}
