/* Traps in the way argv[1] names, after writing unflushed output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) int divide(int a, int b) { return a / b; }
__attribute__((noinline)) int recurse(volatile int n) { volatile char pad[256]; pad[0] = (char)n; return recurse(n + 1) + pad[0]; }
__attribute__((noinline)) void poke(volatile int *p) { *p = 1; }

int main(int argc, char **argv) {
    const char *how = argc > 1 ? argv[1] : "div";
    printf("before the trap"); /* no newline: still buffered when it traps */
    if (!strcmp(how, "div")) printf("%d\n", divide(1, argc - 2));
    if (!strcmp(how, "unreachable")) __builtin_trap();
    if (!strcmp(how, "oob")) poke((int *)0xfffffff0u);
    if (!strcmp(how, "stack")) printf("%d\n", recurse(0));
    if (!strcmp(how, "abort")) abort();
    return 0;
}
