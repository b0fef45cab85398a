/* wasm only: what neither host has natively (Open MPI 4.1, MPICH 4.0) or
 * what only wasmrun refuses:
 *   - MPI-4.1's MPI_Status_get/set_source, _tag, _error and
 *     MPI_Request_get_status_all/_any/_some (requests stay valid; null
 *     requests are skipped; all null gives MPI_UNDEFINED);
 *   - MPI-4.0's MPI_Info_create_env and MPI_Comm_idup_with_info (the new
 *     communicator works, has the attribute of the old one, as
 *     MPI_Comm_dup_with_info's has);
 *   - MPI-4.1's handle conversions (MPI_Comm_toint ... _fromint round
 *     trips, and the handle works afterwards) and
 *     MPI_Type_create_f90_integer/real/complex (sizes by range and
 *     precision, an impossible precision refused);
 *   - a window's error handler refused on a communicator (and the other
 *     way round) with MPI_ERR_ARG;
 *   - MPI_File_create_errhandler, MPI_File_set_errhandler and
 *     MPI_File_call_errhandler on a file in the mounted directory argv[1],
 *     and an I/O error on that file reaching the handler.
 * Prints "ok <check>" lines and PASS or FAIL; exit 0 only on PASS. */
#include <mpi.h>
#include <stdio.h>
#include <string.h>

static int failures, rank;

static void check(int cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "[rank %d] FAIL %s\n", rank, what);
        failures++;
    } else if (rank == 0) {
        printf("ok %s\n", what);
    }
}

static int calls, last_code;
static void file_handler(MPI_File *f, int *code, ...)
{
    (void)f;
    calls++;
    last_code = *code;
}
static void win_handler(MPI_Win *w, int *code, ...)
{
    (void)w;
    (void)code;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int size;
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    MPI_Status st;
    memset(&st, 0, sizeof st);
    int v = -1;
    MPI_Status_set_source(&st, 3);
    MPI_Status_set_tag(&st, 44);
    MPI_Status_set_error(&st, MPI_ERR_TRUNCATE);
    MPI_Status_get_source(&st, &v);
    check(v == 3 && st.MPI_SOURCE == 3, "status-source");
    MPI_Status_get_tag(&st, &v);
    check(v == 44, "status-tag");
    MPI_Status_get_error(&st, &v);
    check(v == MPI_ERR_TRUNCATE, "status-error");

    /* a receive from the left that is not sent yet, a null request */
    int right = (rank + 1) % size, left = (rank + size - 1) % size, in = -1, out = rank;
    MPI_Request r[3] = {MPI_REQUEST_NULL, MPI_REQUEST_NULL, MPI_REQUEST_NULL};
    MPI_Irecv(&in, 1, MPI_INT, left, 9, MPI_COMM_WORLD, &r[0]);
    int flag = -1, idx = -2, outcount = -2, indices[3];
    MPI_Status sts[3];
    MPI_Request_get_status_all(2, r, &flag, sts);
    check(flag == 0 && r[0] != MPI_REQUEST_NULL, "get-status-all-incomplete");
    MPI_Request_get_status_any(2, r, &idx, &flag, &st);
    check(flag == 0 && idx == MPI_UNDEFINED, "get-status-any-incomplete");
    MPI_Request_get_status_some(2, r, &outcount, indices, sts);
    check(outcount == 0, "get-status-some-incomplete");
    MPI_Barrier(MPI_COMM_WORLD);
    MPI_Send(&out, 1, MPI_INT, right, 9, MPI_COMM_WORLD);
    do {
        MPI_Request_get_status_any(3, r, &idx, &flag, &st);
    } while (!flag);
    check(idx == 0 && st.MPI_SOURCE == left && st.MPI_TAG == 9 && r[0] != MPI_REQUEST_NULL, "get-status-any-complete");
    MPI_Request_get_status_some(3, r, &outcount, indices, sts);
    check(outcount == 1 && indices[0] == 0 && sts[0].MPI_SOURCE == left, "get-status-some-complete");
    MPI_Request_get_status_all(3, r, &flag, sts);
    check(flag == 1 && sts[0].MPI_TAG == 9, "get-status-all-complete");
    MPI_Wait(&r[0], MPI_STATUS_IGNORE);
    check(in == left && r[0] == MPI_REQUEST_NULL, "wait-after-get-status");
    MPI_Request_get_status_some(3, r, &outcount, indices, sts);
    check(outcount == MPI_UNDEFINED, "get-status-some-all-null");
    MPI_Request_get_status_any(3, r, &idx, &flag, &st);
    check(flag == 1 && idx == MPI_UNDEFINED, "get-status-any-all-null");

    MPI_Info env = MPI_INFO_NULL;
    int nkeys = -1;
    check(MPI_Info_create_env(argc, argv, &env) == MPI_SUCCESS && env != MPI_INFO_NULL, "info-create-env");
    MPI_Info_get_nkeys(env, &nkeys);
    check(nkeys >= 0, "info-create-env-keys");
    MPI_Info_free(&env);

    int key = MPI_KEYVAL_INVALID, attrv = 42, *got_attr = NULL, aflag = 0;
    MPI_Comm_create_keyval(MPI_COMM_DUP_FN, MPI_COMM_NULL_DELETE_FN, &key, NULL);
    MPI_Comm_set_attr(MPI_COMM_WORLD, key, &attrv);
    MPI_Info hints;
    MPI_Info_create(&hints);
    MPI_Info_set(hints, "mpi_assert_no_any_tag", "true");
    MPI_Comm dup1, dup2;
    MPI_Request dreq;
    check(MPI_Comm_idup_with_info(MPI_COMM_WORLD, hints, &dup1, &dreq) == MPI_SUCCESS, "comm-idup-with-info");
    MPI_Info_free(&hints); /* the call keeps what it needs */
    MPI_Wait(&dreq, MPI_STATUS_IGNORE);
    int dsum = 0, one = 1;
    MPI_Allreduce(&one, &dsum, 1, MPI_INT, MPI_SUM, dup1);
    check(dsum == size, "comm-idup-with-info-works");
    MPI_Comm_get_attr(dup1, key, &got_attr, &aflag);
    check(aflag && got_attr == &attrv, "comm-idup-with-info-attribute");
    MPI_Comm_dup_with_info(MPI_COMM_WORLD, MPI_INFO_NULL, &dup2);
    got_attr = NULL;
    aflag = 0;
    MPI_Comm_get_attr(dup2, key, &got_attr, &aflag);
    check(aflag && got_attr == &attrv, "comm-dup-with-info-attribute");
    MPI_Comm_free(&dup1);
    MPI_Comm_free(&dup2);
    MPI_Comm_delete_attr(MPI_COMM_WORLD, key);
    MPI_Comm_free_keyval(&key);

    MPI_Comm c = MPI_Comm_fromint(MPI_Comm_toint(MPI_COMM_WORLD));
    int csize = -1;
    MPI_Comm_size(c, &csize);
    check(c == MPI_COMM_WORLD && csize == size, "comm-toint-fromint");
    MPI_Datatype dt = MPI_Type_fromint(MPI_Type_toint(MPI_DOUBLE));
    check(dt == MPI_DOUBLE && MPI_Op_fromint(MPI_Op_toint(MPI_SUM)) == MPI_SUM, "type-op-toint-fromint");
    MPI_Datatype f90t;
    int tsize = 0;
    MPI_Type_create_f90_integer(9, &f90t);
    MPI_Type_size(f90t, &tsize);
    check(tsize == 4, "f90-integer-9-digits");
    MPI_Type_create_f90_integer(10, &f90t);
    MPI_Type_size(f90t, &tsize);
    check(tsize == 8, "f90-integer-10-digits");
    MPI_Type_create_f90_real(6, MPI_UNDEFINED, &f90t);
    MPI_Type_size(f90t, &tsize);
    check(tsize == 4, "f90-real-6");
    MPI_Type_create_f90_real(12, 100, &f90t);
    MPI_Type_size(f90t, &tsize);
    check(tsize == 8, "f90-real-12-100");
    MPI_Type_create_f90_complex(15, MPI_UNDEFINED, &f90t);
    MPI_Type_size(f90t, &tsize);
    check(tsize == 16, "f90-complex-15");

    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    check(MPI_Type_create_f90_real(40, 10, &f90t) != MPI_SUCCESS, "f90-real-impossible");
    MPI_Errhandler weh, feh;
    MPI_Win_create_errhandler(win_handler, &weh);
    int rc = MPI_Comm_set_errhandler(MPI_COMM_WORLD, weh), cls = -1;
    MPI_Error_class(rc, &cls);
    check(cls == MPI_ERR_ARG, "window-handler-refused-on-comm");
    MPI_File_create_errhandler(file_handler, &feh);
    rc = MPI_Comm_set_errhandler(MPI_COMM_WORLD, feh);
    MPI_Error_class(rc, &cls);
    check(cls == MPI_ERR_ARG, "file-handler-refused-on-comm");

    if (argc > 1) {
        char path[512];
        snprintf(path, sizeof path, "%s/errh.dat", argv[1]);
        MPI_File fh;
        rc = MPI_File_open(MPI_COMM_WORLD, path, MPI_MODE_CREATE | MPI_MODE_RDWR, MPI_INFO_NULL, &fh);
        check(rc == MPI_SUCCESS, "file-open");
        check(MPI_File_set_errhandler(fh, feh) == MPI_SUCCESS, "file-set-errhandler");
        MPI_Errhandler got;
        MPI_File_get_errhandler(fh, &got);
        check(got == feh, "file-get-errhandler");
        MPI_Errhandler_free(&got);
        check(MPI_File_call_errhandler(fh, MPI_ERR_IO) == MPI_SUCCESS && calls == 1 && last_code == MPI_ERR_IO, "file-call-errhandler");
        rc = MPI_File_set_errhandler(fh, weh);
        MPI_Error_class(rc, &cls);
        check(cls == MPI_ERR_ARG && calls == 2, "window-handler-refused-on-file");
        /* an error of a call on the file goes to its handler */
        rc = MPI_File_read_at(fh, 0, &in, -1, MPI_INT, MPI_STATUS_IGNORE);
        check(rc != MPI_SUCCESS && calls == 3, "file-error-reaches-handler");
        MPI_File_set_errhandler(fh, MPI_ERRORS_RETURN);
        MPI_File_close(&fh);
    }
    MPI_Errhandler_free(&weh);
    MPI_Errhandler_free(&feh);

    int all = 0;
    MPI_Allreduce(&failures, &all, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0)
        printf("%s mpi_more\n", all ? "FAIL" : "PASS");
    MPI_Finalize();
    return all != 0;
}
