/* Prints every environment variable the guest sees. */
#include <stdio.h>
extern char **environ;
int main(void) {
    int n = 0;
    for (char **e = environ; *e; e++, n++) printf("%s\n", *e);
    printf("count=%d\n", n);
    return 0;
}
