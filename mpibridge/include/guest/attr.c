/* Communicator attribute caching, kept in the guest: keyvals, attribute
 * values (guest pointers or integers) and the guest's copy and delete
 * callbacks, run by MPI_Comm_dup/idup, MPI_Comm_set_attr,
 * MPI_Comm_delete_attr and MPI_Comm_free as the standard says. The
 * predefined attributes (MPI_TAG_UB ...) come from the host MPI; their
 * values live here too, because MPI_Comm_get_attr returns a pointer. */
#include <mpi.h>
#include <stdint.h>
#include <stdlib.h>

#define IMPORT(name) __attribute__((import_module("wasmrun_mpi"), import_name(name)))
IMPORT("wasmrun_comm_get_attr") int wasmrun_comm_get_attr(MPI_Comm, int, int *, int *);
IMPORT("MPI_Comm_dup") int wasmrun_comm_dup(MPI_Comm, MPI_Comm *);
IMPORT("MPI_Comm_idup") int wasmrun_comm_idup(MPI_Comm, MPI_Comm *, MPI_Request *);
IMPORT("MPI_Comm_dup_with_info") int wasmrun_comm_dup_with_info(MPI_Comm, MPI_Info, MPI_Comm *);
IMPORT("MPI_Comm_idup_with_info") int wasmrun_comm_idup_with_info(MPI_Comm, MPI_Info, MPI_Comm *, MPI_Request *);
IMPORT("MPI_Comm_free") int wasmrun_comm_free(MPI_Comm *);
IMPORT("MPI_Comm_set_errhandler") int wasmrun_comm_set_errhandler(MPI_Comm, MPI_Errhandler);
IMPORT("MPI_Comm_get_errhandler") int wasmrun_comm_get_errhandler(MPI_Comm, MPI_Errhandler *);

/* User keyvals are numbered from here, clear of the predefined keys. */
#define FIRST_KEYVAL 1000

typedef struct {
    MPI_Comm_copy_attr_function *copy;
    MPI_Comm_delete_attr_function *del;
    void *extra;
    int live;      /* not yet freed with MPI_Comm_free_keyval */
    int refs;      /* attributes still set with it */
} keyval_t;

typedef struct {
    MPI_Comm comm;
    int keyval;
    void *value;
} attr_t;

static keyval_t *keyvals;
static int nkeyvals;
static attr_t *attrs;
static int nattrs, capattrs;
static int predefined_values[8];

/* fail reports an error class through the communicator's error handler,
 * as the host functions do: MPI_ERRORS_RETURN returns it; otherwise the
 * host reports and ends the job (an invalid MPI_Comm_dup of
 * MPI_COMM_NULL raises the class with the right rank and cause). */
static int fail(MPI_Comm comm, int class) {
    MPI_Errhandler eh = MPI_ERRORS_ARE_FATAL;
    if (comm == MPI_COMM_NULL || wasmrun_comm_get_errhandler(comm, &eh) != MPI_SUCCESS)
        wasmrun_comm_get_errhandler(MPI_COMM_WORLD, &eh);
    if (eh == MPI_ERRORS_RETURN) return class;
    MPI_Abort(comm == MPI_COMM_NULL ? MPI_COMM_WORLD : comm, class);
    return class;
}

static keyval_t *keyval(int k) {
    int i = k - FIRST_KEYVAL;
    return i >= 0 && i < nkeyvals ? &keyvals[i] : NULL;
}

static attr_t *find(MPI_Comm comm, int k) {
    for (int i = 0; i < nattrs; i++)
        if (attrs[i].comm == comm && attrs[i].keyval == k) return &attrs[i];
    return NULL;
}

static int store(MPI_Comm comm, int k, void *value) {
    if (nattrs == capattrs) {
        int n = capattrs ? 2 * capattrs : 16;
        attr_t *p = realloc(attrs, (size_t)n * sizeof *p);
        if (p == NULL) return MPI_ERR_NO_MEM;
        attrs = p;
        capattrs = n;
    }
    attrs[nattrs++] = (attr_t){comm, k, value};
    keyval(k)->refs++;
    return MPI_SUCCESS;
}

/* drop removes attribute a after running its delete callback. */
static int drop(attr_t *a) {
    keyval_t *kv = keyval(a->keyval);
    MPI_Comm comm = a->comm;
    int k = a->keyval, rc = MPI_SUCCESS;
    void *value = a->value;
    *a = attrs[--nattrs];
    if (kv->del != MPI_COMM_NULL_DELETE_FN) rc = kv->del(comm, k, value, kv->extra);
    kv->refs--;
    return rc;
}

int MPI_Comm_create_keyval(MPI_Comm_copy_attr_function *copy, MPI_Comm_delete_attr_function *del, int *k, void *extra) {
    keyval_t *p = realloc(keyvals, (size_t)(nkeyvals + 1) * sizeof *p);
    if (p == NULL) return fail(MPI_COMM_NULL, MPI_ERR_NO_MEM);
    keyvals = p;
    keyvals[nkeyvals] = (keyval_t){copy, del, extra, 1, 0};
    *k = FIRST_KEYVAL + nkeyvals++;
    return MPI_SUCCESS;
}

int MPI_Comm_free_keyval(int *k) {
    keyval_t *kv = keyval(*k);
    if (kv == NULL || !kv->live) return fail(MPI_COMM_NULL, MPI_ERR_KEYVAL);
    kv->live = 0; /* attributes set with it stay until deleted */
    *k = MPI_KEYVAL_INVALID;
    return MPI_SUCCESS;
}

int MPI_Comm_set_attr(MPI_Comm comm, int k, void *value) {
    keyval_t *kv = keyval(k);
    if (kv == NULL || !kv->live) return fail(comm, MPI_ERR_KEYVAL);
    if (comm == MPI_COMM_NULL) return fail(comm, MPI_ERR_COMM);
    attr_t *a = find(comm, k);
    if (a != NULL) {
        int rc = kv->del != MPI_COMM_NULL_DELETE_FN ? kv->del(comm, k, a->value, kv->extra) : MPI_SUCCESS;
        if (rc != MPI_SUCCESS) return fail(comm, rc);
        a->value = value;
        return MPI_SUCCESS;
    }
    int rc = store(comm, k, value);
    return rc == MPI_SUCCESS ? rc : fail(comm, rc);
}

int MPI_Comm_get_attr(MPI_Comm comm, int k, void *value, int *flag) {
    if (k >= MPI_TAG_UB && k <= MPI_LASTUSEDCODE) {
        int v = 0, rc = wasmrun_comm_get_attr(comm, k, &v, flag);
        if (rc == MPI_SUCCESS && *flag) {
            int *slot = &predefined_values[k - MPI_TAG_UB];
            *slot = v;
            *(int **)value = slot;
        }
        return rc;
    }
    if (keyval(k) == NULL) return fail(comm, MPI_ERR_KEYVAL);
    if (comm == MPI_COMM_NULL) return fail(comm, MPI_ERR_COMM);
    attr_t *a = find(comm, k);
    *flag = a != NULL;
    if (a != NULL) *(void **)value = a->value;
    return MPI_SUCCESS;
}

int MPI_Comm_delete_attr(MPI_Comm comm, int k) {
    if (keyval(k) == NULL) return fail(comm, MPI_ERR_KEYVAL);
    attr_t *a = find(comm, k);
    if (a == NULL) return fail(comm, MPI_ERR_KEYVAL);
    int rc = drop(a);
    return rc == MPI_SUCCESS ? rc : fail(comm, rc);
}

/* copy_attrs runs the copy callbacks of oldcomm's attributes for newcomm. */
static int copy_attrs(MPI_Comm oldcomm, MPI_Comm newcomm) {
    int n = nattrs;
    for (int i = 0; i < n; i++) {
        if (attrs[i].comm != oldcomm) continue;
        keyval_t *kv = keyval(attrs[i].keyval);
        void *out = NULL;
        int flag = 0, rc = MPI_SUCCESS, k = attrs[i].keyval;
        if (kv->copy == MPI_COMM_DUP_FN) {
            out = attrs[i].value;
            flag = 1;
        } else if (kv->copy != MPI_COMM_NULL_COPY_FN) {
            rc = kv->copy(oldcomm, k, kv->extra, attrs[i].value, &out, &flag);
        }
        if (rc != MPI_SUCCESS) return rc;
        if (flag && (rc = store(newcomm, k, out)) != MPI_SUCCESS) return rc;
    }
    return MPI_SUCCESS;
}

int MPI_Comm_dup(MPI_Comm comm, MPI_Comm *newcomm) {
    int rc = wasmrun_comm_dup(comm, newcomm);
    if (rc != MPI_SUCCESS) return rc;
    rc = copy_attrs(comm, *newcomm);
    return rc == MPI_SUCCESS ? rc : fail(comm, rc);
}

int MPI_Comm_idup(MPI_Comm comm, MPI_Comm *newcomm, MPI_Request *request) {
    int rc = wasmrun_comm_idup(comm, newcomm, request);
    if (rc != MPI_SUCCESS) return rc;
    rc = copy_attrs(comm, *newcomm);
    return rc == MPI_SUCCESS ? rc : fail(comm, rc);
}

/* The _with_info forms copy attributes as MPI_Comm_dup does (MPI-4.0
 * §7.4.2); only the hints differ. */
int MPI_Comm_dup_with_info(MPI_Comm comm, MPI_Info info, MPI_Comm *newcomm) {
    int rc = wasmrun_comm_dup_with_info(comm, info, newcomm);
    if (rc != MPI_SUCCESS) return rc;
    rc = copy_attrs(comm, *newcomm);
    return rc == MPI_SUCCESS ? rc : fail(comm, rc);
}

int MPI_Comm_idup_with_info(MPI_Comm comm, MPI_Info info, MPI_Comm *newcomm, MPI_Request *request) {
    int rc = wasmrun_comm_idup_with_info(comm, info, newcomm, request);
    if (rc != MPI_SUCCESS) return rc;
    rc = copy_attrs(comm, *newcomm);
    return rc == MPI_SUCCESS ? rc : fail(comm, rc);
}

int MPI_Comm_free(MPI_Comm *comm) {
    MPI_Comm c = *comm;
    for (int i = 0; i < nattrs;) {
        if (attrs[i].comm == c) {
            int rc = drop(&attrs[i]);
            if (rc != MPI_SUCCESS) return fail(c, rc);
        } else {
            i++;
        }
    }
    return wasmrun_comm_free(comm);
}

/* The deprecated MPI-1 names. */
int MPI_Keyval_create(MPI_Copy_function *copy, MPI_Delete_function *del, int *k, void *extra) {
    return MPI_Comm_create_keyval(copy, del, k, extra);
}
int MPI_Keyval_free(int *k) { return MPI_Comm_free_keyval(k); }
int MPI_Attr_put(MPI_Comm comm, int k, void *value) { return MPI_Comm_set_attr(comm, k, value); }
int MPI_Attr_get(MPI_Comm comm, int k, void *value, int *flag) { return MPI_Comm_get_attr(comm, k, value, flag); }
int MPI_Attr_delete(MPI_Comm comm, int k) { return MPI_Comm_delete_attr(comm, k); }

/* The profiling names. */
int PMPI_Comm_create_keyval(MPI_Comm_copy_attr_function *c, MPI_Comm_delete_attr_function *d, int *k, void *e) { return MPI_Comm_create_keyval(c, d, k, e); }
int PMPI_Comm_free_keyval(int *k) { return MPI_Comm_free_keyval(k); }
int PMPI_Comm_set_attr(MPI_Comm comm, int k, void *v) { return MPI_Comm_set_attr(comm, k, v); }
int PMPI_Comm_get_attr(MPI_Comm comm, int k, void *v, int *f) { return MPI_Comm_get_attr(comm, k, v, f); }
int PMPI_Comm_delete_attr(MPI_Comm comm, int k) { return MPI_Comm_delete_attr(comm, k); }
int PMPI_Comm_dup(MPI_Comm comm, MPI_Comm *n) { return MPI_Comm_dup(comm, n); }
int PMPI_Comm_idup(MPI_Comm comm, MPI_Comm *n, MPI_Request *r) { return MPI_Comm_idup(comm, n, r); }
int PMPI_Comm_dup_with_info(MPI_Comm comm, MPI_Info i, MPI_Comm *n) { return MPI_Comm_dup_with_info(comm, i, n); }
int PMPI_Comm_idup_with_info(MPI_Comm comm, MPI_Info i, MPI_Comm *n, MPI_Request *r) { return MPI_Comm_idup_with_info(comm, i, n, r); }
int PMPI_Comm_free(MPI_Comm *comm) { return MPI_Comm_free(comm); }
int PMPI_Keyval_create(MPI_Copy_function *c, MPI_Delete_function *d, int *k, void *e) { return MPI_Keyval_create(c, d, k, e); }
int PMPI_Keyval_free(int *k) { return MPI_Keyval_free(k); }
int PMPI_Attr_put(MPI_Comm comm, int k, void *v) { return MPI_Attr_put(comm, k, v); }
int PMPI_Attr_get(MPI_Comm comm, int k, void *v, int *f) { return MPI_Attr_get(comm, k, v, f); }
int PMPI_Attr_delete(MPI_Comm comm, int k) { return MPI_Attr_delete(comm, k); }
