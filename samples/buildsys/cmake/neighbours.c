/*
 * neighbours.c - a distributed-graph exchange, built with CMake
 * (samples/buildsys/cmake).
 *
 * Rank r talks to the ranks r-1, r+1 (a ring) and, when r is even, r+2:
 * MPI_Dist_graph_create_adjacent builds that graph (sources and
 * destinations given by each rank for itself), MPI_Dist_graph_neighbors
 * reads it back, and every step MPI_Neighbor_allgather hands each rank
 * its in-neighbours' values, which it folds into its own with integer
 * arithmetic. The buffers come from MPI_Alloc_mem. At the end every rank's
 * line (its neighbours and value) is gathered on rank 0 and printed in rank
 * order, with min, max and sum from the stats library.
 *
 * Usage: mpirun -np P neighbours [steps]   (default 10)
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

#define LINE 160

int main(int argc, char **argv) {
    int steps = argc > 1 ? atoi(argv[1]) : 10;
    int rank, size;
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Out-edges: to r-1, r+1 and, from even ranks, r+2 (mod P, no self,
     * no duplicates). In-edges are exactly the ranks whose out-edges
     * reach r. */
    int out[3], nout = 0, in[3], nin = 0;
    for (int d = 0; d < 3; d++) {
        int step = d == 0 ? -1 : d == 1 ? 1 : 2;
        if (d == 2 && rank % 2) break;
        int to = ((rank + step) % size + size) % size;
        int dup = to == rank;
        for (int k = 0; k < nout; k++) dup |= out[k] == to;
        if (!dup) out[nout++] = to;
    }
    for (int from = 0; from < size; from++) {
        if (from == rank) continue;
        int reach = from == (rank + 1) % size || rank == (from + 1) % size || (from % 2 == 0 && (from + 2) % size == rank);
        if (reach) in[nin++] = from;
    }
    MPI_Comm graph;
    MPI_Dist_graph_create_adjacent(MPI_COMM_WORLD, nin, in, MPI_UNWEIGHTED, nout, out, MPI_UNWEIGHTED, MPI_INFO_NULL, 0, &graph);

    int indeg, outdeg, weighted;
    MPI_Dist_graph_neighbors_count(graph, &indeg, &outdeg, &weighted);
    int *srcs = malloc((indeg + 1) * sizeof *srcs), *dsts = malloc((outdeg + 1) * sizeof *dsts);
    MPI_Dist_graph_neighbors(graph, indeg, srcs, MPI_UNWEIGHTED, outdeg, dsts, MPI_UNWEIGHTED);

    long long *mine, *theirs;
    MPI_Alloc_mem(sizeof *mine, MPI_INFO_NULL, &mine);
    MPI_Alloc_mem((MPI_Aint)(indeg + 1) * sizeof *theirs, MPI_INFO_NULL, &theirs);
    *mine = 1000 + 37 * rank;
    for (int s = 0; s < steps; s++) {
        MPI_Neighbor_allgather(mine, 1, MPI_LONG_LONG, theirs, 1, MPI_LONG_LONG, graph);
        long long acc = 3 * *mine;
        for (int k = 0; k < indeg; k++) acc += (k + 1) * theirs[k];
        *mine = acc % 1000003;
    }

    char line[LINE];
    int n = snprintf(line, LINE, "rank %d: in", rank);
    for (int k = 0; k < indeg; k++) n += snprintf(line + n, LINE - n, " %d", srcs[k]);
    n += snprintf(line + n, LINE - n, " out");
    for (int k = 0; k < outdeg; k++) n += snprintf(line + n, LINE - n, " %d", dsts[k]);
    snprintf(line + n, LINE - n, " value %lld", *mine);
    char *all = rank == 0 ? malloc((size_t)size * LINE) : NULL;
    MPI_Gather(line, LINE, MPI_CHAR, all, LINE, MPI_CHAR, 0, MPI_COMM_WORLD);
    stats_t st = stats_reduce(*mine, graph);
    if (rank == 0) {
        printf("neighbours: %d ranks, %d steps\n", size, steps);
        for (int r = 0; r < size; r++) printf("%s\n", all + (size_t)r * LINE);
        printf("min %lld max %lld sum %lld\n", st.min, st.max, st.sum);
        free(all);
    }
    MPI_Free_mem(mine);
    MPI_Free_mem(theirs);
    free(srcs);
    free(dsts);
    MPI_Comm_free(&graph);
    MPI_Finalize();
    return 0;
}
