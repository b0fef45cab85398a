/* callcost.c - the cost of one bridged MPI call, in process: MPI_Send to
 * MPI_PROC_NULL and MPI_Allreduce of one int on MPI_COMM_SELF, timed over
 * many calls. Build natively and with wasmrun cc; the difference per call
 * is what the bridge adds.
 *
 *   callcost [N]    prints "send_ns X" and "allreduce_ns Y" (best of 5)
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    long n = argc > 1 ? atol(argv[1]) : 2000000;
    int x = 1, y = 0;
    double best_send = 1e30, best_red = 1e30;
    for (int rep = 0; rep < 5; rep++) {
        double t0 = MPI_Wtime();
        for (long i = 0; i < n; i++) MPI_Send(&x, 1, MPI_INT, MPI_PROC_NULL, 0, MPI_COMM_WORLD);
        double t1 = MPI_Wtime();
        for (long i = 0; i < n; i++) MPI_Allreduce(&x, &y, 1, MPI_INT, MPI_SUM, MPI_COMM_SELF);
        double t2 = MPI_Wtime();
        if (t1 - t0 < best_send) best_send = t1 - t0;
        if (t2 - t1 < best_red) best_red = t2 - t1;
    }
    printf("send_ns %.1f\nallreduce_ns %.1f\n", best_send / n * 1e9, best_red / n * 1e9);
    MPI_Finalize();
    return y != 1;
}
