/* files OP PATH [DATA]: read, write, append, mkdir, ls, rm, symlink TARGET LINK.
 * Prints "ok ..." or "errno=NAME" and exits 0 or 1. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(void) {
    const char *name = errno == ENOENT ? "ENOENT" : errno == EACCES ? "EACCES" : errno == EPERM ? "EPERM"
        : errno == EROFS ? "EROFS" : errno == ENOTCAPABLE ? "ENOTCAPABLE" : errno == EBADF ? "EBADF"
        : errno == ENOTDIR ? "ENOTDIR" : errno == EXDEV ? "EXDEV" : errno == ENOSYS ? "ENOSYS" : "OTHER";
    printf("errno=%s (%d)\n", name, errno);
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    const char *op = argv[1], *path = argv[2];
    char buf[4096];
    if (!strcmp(op, "read")) {
        FILE *f = fopen(path, "r");
        if (!f) return fail();
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = 0;
        fclose(f);
        printf("ok read %s\n", buf);
        return 0;
    }
    if (!strcmp(op, "write") || !strcmp(op, "append")) {
        FILE *f = fopen(path, op[0] == 'w' ? "w" : "a");
        if (!f) return fail();
        if (fputs(argc > 3 ? argv[3] : "", f) < 0 || fclose(f) != 0) return fail();
        printf("ok %s\n", op);
        return 0;
    }
    if (!strcmp(op, "mkdir")) return mkdir(path, 0755) ? fail() : (printf("ok mkdir\n"), 0);
    if (!strcmp(op, "rm")) return unlink(path) ? fail() : (printf("ok rm\n"), 0);
    if (!strcmp(op, "symlink")) return argc < 4 || symlink(path, argv[3]) ? fail() : (printf("ok symlink\n"), 0);
    if (!strcmp(op, "rename")) return argc < 4 || rename(path, argv[3]) ? fail() : (printf("ok rename\n"), 0);
    if (!strcmp(op, "ls")) {
        DIR *d = opendir(path);
        if (!d) return fail();
        struct dirent *e;
        int n = 0;
        while ((e = readdir(d))) if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
        closedir(d);
        printf("ok ls %d\n", n);
        return 0;
    }
    return 2;
}
