/* escape SECRET OUTSIDE: tries to leave the --dir mounts, each attempt one
 * numbered line "NN what: RESULT", RESULT being "ok" (the attempt worked:
 * only for the set-up steps), "errno=NAME" or an MPI error class.
 *
 * Run as: wasmrun --dir DATA:/data --dir RO:/ro:ro escape.wasm SECRET OUTSIDE
 * where OUTSIDE is a host directory outside every mount holding the file
 * SECRET (both absolute host paths), RO holds in.txt and DATA holds f and
 * the host-made symlinks abs-link -> SECRET, rel-link -> ../outside/secret,
 * dir-link -> ../outside and abs-dir-link -> OUTSIDE. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static int n;

static const char *errname(int e) {
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EROFS: return "EROFS";
    case ENOTCAPABLE: return "ENOTCAPABLE";
    case EBADF: return "EBADF";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EXDEV: return "EXDEV";
    case ENOSYS: return "ENOSYS";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case EINVAL: return "EINVAL";
    case EEXIST: return "EEXIST";
    case ELOOP: return "ELOOP";
    case ENOTSUP: return "ENOTSUP";
    case EIO: return "EIO";
    }
    static char buf[32];
    snprintf(buf, sizeof buf, "errno %d", e);
    return buf;
}

static void report(const char *what, int rc) {
    printf("%02d %s: %s\n", ++n, what, rc == 0 ? "ok" : errname(errno));
    errno = 0;
}

/* reads path; "ok" only if it could read something */
static void try_read(const char *what, const char *path) {
    errno = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) { report(what, -1); return; }
    char buf[64];
    ssize_t got = read(fd, buf, sizeof buf);
    close(fd);
    report(what, got >= 0 ? 0 : -1);
}

static void try_write(const char *what, const char *path, int flags) {
    errno = 0;
    int fd = open(path, O_WRONLY | flags, 0644);
    if (fd < 0) { report(what, -1); return; }
    ssize_t put = write(fd, "pwned", 5);
    close(fd);
    report(what, put == 5 ? 0 : -1);
}

static const char *mpi_class(int rc) {
    int c = -1;
    if (rc == MPI_SUCCESS) return "ok";
    MPI_Error_class(rc, &c);
    switch (c) {
    case MPI_ERR_ACCESS: return "MPI_ERR_ACCESS";
    case MPI_ERR_READ_ONLY: return "MPI_ERR_READ_ONLY";
    case MPI_ERR_NO_SUCH_FILE: return "MPI_ERR_NO_SUCH_FILE";
    case MPI_ERR_BAD_FILE: return "MPI_ERR_BAD_FILE";
    case MPI_ERR_IO: return "MPI_ERR_IO";
    }
    return "other";
}

static void try_mpi_open(const char *what, const char *path, int amode) {
    MPI_File fh = MPI_FILE_NULL;
    int rc = MPI_File_open(MPI_COMM_SELF, path, amode, MPI_INFO_NULL, &fh);
    if (rc == MPI_SUCCESS) {
        char c = 'x';
        if (amode & MPI_MODE_RDONLY) rc = MPI_File_read_at(fh, 0, &c, 1, MPI_CHAR, MPI_STATUS_IGNORE);
        else rc = MPI_File_write_at(fh, 0, "pwned", 5, MPI_CHAR, MPI_STATUS_IGNORE);
        MPI_File_close(&fh);
    }
    printf("%02d %s: %s\n", ++n, what, mpi_class(rc));
}

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    const char *secret = argv[1], *outside = argv[2];
    char path[8192];
    MPI_Init(&argc, &argv);
    MPI_File_set_errhandler(MPI_FILE_NULL, MPI_ERRORS_RETURN);

    /* .. chains and absolute paths */
    try_read("dotdot out of a mount", "/data/../outside/secret");
    try_read("long dotdot chain", "/data/../../../../../../../../../../etc/passwd");
    try_read("relative dotdot", "../outside/secret");
    try_read("dot then dotdot", "/data/./../outside/secret");
    try_read("double slashes", "/data//..//outside/secret");
    try_read("file as a directory, then dotdot", "/data/f/../../outside/secret");
    try_read("dotdot from the read-only mount", "/ro/../outside/secret");
    try_read("absolute host path", secret);
    try_read("etc passwd", "/etc/passwd");
    /* symlinks made by the host */
    try_read("host symlink, absolute target", "/data/abs-link");
    try_read("host symlink, relative target", "/data/rel-link");
    try_read("host symlink to a directory", "/data/dir-link/secret");
    try_read("host symlink to a directory, absolute", "/data/abs-dir-link/secret");
    try_write("write through a host symlink", "/data/rel-link", O_TRUNC);
    try_write("create through a host directory symlink", "/data/dir-link/new", O_CREAT);
    errno = 0;
    report("opendir through a host directory symlink", opendir("/data/dir-link") ? 0 : -1);
    struct stat st;
    report("stat through a host directory symlink", stat("/data/dir-link/secret", &st));
    /* symlinks made by the guest */
    report("guest symlink to a directory outside (made)", symlink("../outside", "/data/g-dir"));
    try_read("guest symlink to a directory outside", "/data/g-dir/secret");
    report("guest symlink, absolute target (made)", symlink(secret, "/data/g-abs"));
    try_read("guest symlink, absolute target", "/data/g-abs");
    report("guest symlink up to the root (made)", symlink("../../../../../../../..", "/data/g-up"));
    snprintf(path, sizeof path, "/data/g-up%s", secret);
    try_read("guest symlink up to the root", path);
    report("guest symlink chain (made)", symlink("g-dir", "/data/g-chain"));
    try_read("guest symlink chain", "/data/g-chain/secret");
    try_write("create through a guest symlink", "/data/g-dir/new", O_CREAT);
    /* hard links and renames */
    report("hard link from the read-only mount", link("/ro/in.txt", "/data/hl-ro"));
    report("hard link to a file outside", link("/data/../outside/secret", "/data/hl-out"));
    report("hard link of a host symlink (made)", link("/data/rel-link", "/data/hl-sym"));
    try_read("read the hard-linked symlink", "/data/hl-sym");
    report("rename from the read-only mount", rename("/ro/in.txt", "/data/stolen"));
    report("rename out of the mount", rename("/data/f", "/data/../outside/moved"));
    report("rename into the read-only mount", rename("/data/f", "/ro/moved"));
    report("rename through a host directory symlink", rename("/data/f", "/data/dir-link/moved"));
    /* the read-only mount */
    try_write("write a read-only file", "/ro/in.txt", O_TRUNC);
    try_write("create in a read-only mount", "/ro/new", O_CREAT);
    report("unlink in a read-only mount", unlink("/ro/in.txt"));
    report("mkdir in a read-only mount", mkdir("/ro/d", 0755));
    report("symlink in a read-only mount", symlink("in.txt", "/ro/l"));
    report("truncate in a read-only mount", truncate("/ro/in.txt", 0));
    struct timeval tv[2] = {{0, 0}, {0, 0}};
    report("utimes in a read-only mount", utimes("/ro/in.txt", tv));
    /* /proc, /dev, odd and long paths */
    try_read("proc environ", "/proc/self/environ");
    try_read("proc root", "/proc/self/root/etc/passwd");
    try_read("proc fd", "/proc/self/fd/0");
    try_read("dev urandom", "/dev/urandom");
    try_write("dev null", "/dev/null", 0);
    memset(path, 0, sizeof path);
    strcpy(path, "/data/");
    for (int i = 0; i < 2000; i++) strcat(path, "a/");
    strcat(path, "../outside/secret");
    try_read("very long path", path);
    try_read("newline and dotdot", "/data/\n/../../outside/secret");
    try_read("embedded NUL", "/data/\0../outside/secret");
    report("chdir through a host directory symlink", chdir("/data/dir-link"));
    report("chdir into the mount (set-up)", chdir("/data"));
    try_read("dotdot from the working directory", "../outside/secret");
    /* environment */
    printf("%02d host environment: %s %s %s\n", ++n, getenv("HOME") ? "HOME" : "-",
           getenv("PATH") ? "PATH" : "-", getenv("WASMRUN_ESCAPE_SECRET") ? "SECRET" : "-");
    /* MPI-IO through the same mounts */
    const int rd = MPI_MODE_RDONLY, crw = MPI_MODE_CREATE | MPI_MODE_RDWR;
    try_mpi_open("MPI-IO long dotdot chain", "/data/../../../../../../../../etc/passwd", rd);
    try_mpi_open("MPI-IO guest symlink to a directory", "/data/g-dir/secret", rd);
    try_mpi_open("MPI-IO create through a guest symlink", "/data/g-dir/mpi-new", crw);
    try_mpi_open("MPI-IO guest symlink up to the root", path[0] ? "/data/g-up/etc/passwd" : "", rd);
    try_mpi_open("MPI-IO hard-linked symlink", "/data/hl-sym", rd);
    try_mpi_open("MPI-IO proc", "/proc/self/environ", rd);
    try_mpi_open("MPI-IO dev", "/dev/urandom", rd);
    try_mpi_open("MPI-IO very long path", path, rd);
    try_mpi_open("MPI-IO write a read-only file", "/ro/in.txt", MPI_MODE_WRONLY);
    printf("%02d MPI-IO delete outside: %s\n", ++n, mpi_class(MPI_File_delete("/data/g-dir/secret", MPI_INFO_NULL)));
    printf("%02d MPI-IO delete in the read-only mount: %s\n", ++n, mpi_class(MPI_File_delete("/ro/in.txt", MPI_INFO_NULL)));
    MPI_Finalize();
    return 0;
}
