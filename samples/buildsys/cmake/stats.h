/* Statistics over all ranks of a communicator (a static library of the
 * samples/buildsys/cmake project). */
#ifndef STATS_H
#define STATS_H
#include <mpi.h>

typedef struct {
    long long min, max, sum;
} stats_t;

/* stats_reduce returns the min, max and sum of every rank's value on
 * every rank of comm. */
stats_t stats_reduce(long long value, MPI_Comm comm);

#endif
