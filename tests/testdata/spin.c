/* Prints a line (left in the stdio buffer) and computes forever. */
#include <stdio.h>
int main(void) {
    printf("spinning\n");
    volatile unsigned long i = 0;
    for (;;) i++;
}
