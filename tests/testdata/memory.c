/* Allocates argv[1] MiB and touches it; prints whether malloc succeeded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
    size_t mib = argc > 1 ? (size_t)atoi(argv[1]) : 1;
    char *volatile p = malloc(mib << 20);
    if (!p) { printf("malloc %zu MiB: null\n", mib); return 0; }
    memset(p, 1, mib << 20);
    long sum = 0;
    for (size_t i = 0; i < mib << 20; i += 4096) sum += p[i];
    printf("malloc %zu MiB: ok (%ld pages touched)\n", mib, sum);
    free(p);
    return 0;
}
