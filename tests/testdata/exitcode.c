/* Prints its arguments; "exit N" calls exit(N), else returns argv[1]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++) printf("arg[%d]=%s\n", i, argv[i]);
    if (argc > 2 && !strcmp(argv[1], "exit")) exit(atoi(argv[2]));
    return argc > 1 ? atoi(argv[1]) : 0;
}
