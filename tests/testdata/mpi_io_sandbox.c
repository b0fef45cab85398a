/* mpi_io_sandbox SECRET: MPI-IO must stay inside the --dir mounts.
 *
 * Run as: wasmrun --dir DATA:/data --dir RO:/ro:ro mpi_io_sandbox.wasm SECRET
 * where SECRET is the absolute host path of a file outside every mount,
 * DATA holds the symlinks abs-link -> SECRET, rel-link -> ../outside/secret.txt
 * and dir-link -> ../outside (SECRET being .../outside/secret.txt), and RO
 * holds in.txt.
 *
 * Each attempt prints one line, "<name>: <result>", where the result is
 * "ok" or the MPI error class. Errors are returned (MPI_ERRORS_RETURN on
 * MPI_FILE_NULL), never fatal. Only rank 0 works and prints. */
#include <mpi.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *class_name(int rc)
{
    int c = -1;
    if (rc == MPI_SUCCESS)
        return "ok";
    MPI_Error_class(rc, &c);
    switch (c) {
    case MPI_ERR_ACCESS: return "MPI_ERR_ACCESS";
    case MPI_ERR_READ_ONLY: return "MPI_ERR_READ_ONLY";
    case MPI_ERR_NO_SUCH_FILE: return "MPI_ERR_NO_SUCH_FILE";
    case MPI_ERR_BAD_FILE: return "MPI_ERR_BAD_FILE";
    case MPI_ERR_FILE_EXISTS: return "MPI_ERR_FILE_EXISTS";
    case MPI_ERR_AMODE: return "MPI_ERR_AMODE";
    case MPI_ERR_IO: return "MPI_ERR_IO";
    case MPI_ERR_FILE: return "MPI_ERR_FILE";
    }
    return "other";
}

/* opens, writes one int when writable, closes */
static void try_open(const char *name, const char *path, int amode)
{
    MPI_File fh = MPI_FILE_NULL;
    int rc = MPI_File_open(MPI_COMM_SELF, path, amode, MPI_INFO_NULL, &fh);
    if (rc == MPI_SUCCESS) {
        int x = 42;
        if (!(amode & MPI_MODE_RDONLY))
            rc = MPI_File_write_at(fh, 0, &x, 1, MPI_INT, MPI_STATUS_IGNORE);
        else
            rc = MPI_File_read_at(fh, 0, &x, 1, MPI_INT, MPI_STATUS_IGNORE);
        int rc2 = MPI_File_close(&fh);
        if (rc == MPI_SUCCESS)
            rc = rc2;
    } else if (fh != MPI_FILE_NULL) {
        printf("%s: handle set on failure\n", name);
    }
    printf("%s: %s\n", name, class_name(rc));
}

static void try_delete(const char *name, const char *path)
{
    printf("%s: %s\n", name, class_name(MPI_File_delete(path, MPI_INFO_NULL)));
}

int main(int argc, char **argv)
{
    int rank;
    char path[4096];
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    if (rank != 0 || argc < 2) {
        MPI_Finalize();
        return rank == 0 ? 2 : 0;
    }
    const char *secret = argv[1];
    MPI_File_set_errhandler(MPI_FILE_NULL, MPI_ERRORS_RETURN);
    const int rd = MPI_MODE_RDONLY, rw = MPI_MODE_RDWR, crw = MPI_MODE_CREATE | MPI_MODE_RDWR;

    /* inside the mounts: these work */
    try_open("create in a mount", "/data/ok.dat", crw);
    try_open("reopen in a mount", "/data/ok.dat", rw);
    try_open("relative to the guest root", "data/ok.dat", rd);
    try_open("read a read-only mount", "/ro/in.txt", rd);

    /* outside every mount */
    try_open("no mount", "/nomount/x.dat", crw);
    try_open("relative, no mount", "x.dat", crw);
    try_open("absolute host path", secret, rd);
    try_open("absolute host path, create", secret, crw);
    try_open("etc passwd", "/etc/passwd", rd);
    try_open("proc", "/proc/self/environ", rd);
    try_open("dotdot out of a mount", "/data/../outside/secret.txt", rd);
    try_open("dotdot, create", "/data/sub/../../outside/new.dat", crw);
    try_open("dotdot to the other mount", "/data/../ro/in.txt", rw);

    /* symlinks leading out */
    try_open("host symlink, absolute target", "/data/abs-link", rd);
    try_open("host symlink, relative target", "/data/rel-link", rd);
    try_open("write through a host symlink", "/data/rel-link", rw);
    try_open("create through a host symlink", "/data/abs-link", crw);
    try_open("host symlink to a directory", "/data/dir-link/secret.txt", rd);
    try_open("create in a symlinked directory", "/data/dir-link/new.dat", crw);
    unlink("/data/escape");
    if (symlink("../../../../../../../../..", "/data/escape") != 0)
        printf("guest symlink: failed\n");
    snprintf(path, sizeof path, "/data/escape%s", secret);
    try_open("guest-made symlink out", path, rd);

    /* read-only mount */
    try_open("write a read-only mount", "/ro/in.txt", rw);
    try_open("write-only on a read-only mount", "/ro/in.txt", MPI_MODE_WRONLY);
    try_open("create in a read-only mount", "/ro/new.dat", crw);
    try_open("delete-on-close in a read-only mount", "/ro/in.txt", rd | MPI_MODE_DELETE_ON_CLOSE);

    /* not a regular file */
    try_open("a directory", "/data", rd);

    /* MPI_File_delete */
    try_delete("delete absolute host path", secret);
    try_delete("delete dotdot out of a mount", "/data/../outside/secret.txt");
    try_delete("delete through a host symlink", "/data/abs-link");
    try_delete("delete in a symlinked directory", "/data/dir-link/secret.txt");
    try_delete("delete in a read-only mount", "/ro/in.txt");
    try_delete("delete a missing file", "/data/missing.dat");
    try_delete("delete in a mount", "/data/ok.dat");

    MPI_Finalize();
    return 0;
}
