/* Keyvals and attribute values for datatypes and windows (typeattr.c,
 * winattr.c), kept in the guest as attr.c keeps them for communicators:
 * the host never sees them. Keyvals of every kind share one numbering
 * from FIRST_KEYVAL, far above attr.c's communicator keyvals (1000 + n)
 * and the predefined keys (501 ..., 601 ...), and each remembers its kind:
 * a window keyval given to a datatype function is MPI_ERR_KEYVAL, and so
 * is any of them given to a communicator function. The copy and delete
 * callbacks are stored untyped and called, with their own types, by the
 * file of their kind. */
#include <mpi.h>
#include <stdint.h>
#include <stdlib.h>

#define FIRST_KEYVAL 0x100000

typedef void wasmrun_fn(void);

typedef struct {
    int kind;
    wasmrun_fn *copy, *del;
    void *extra;
    int live; /* not yet freed */
    int refs; /* attributes still set with it */
} keyval_t;

typedef struct {
    int kind;
    uintptr_t obj;
    int keyval;
    void *value;
} attr_t;

static keyval_t *keyvals;
static int nkeyvals;
static attr_t *attrs;
static int nattrs, capattrs;

int wasmrun_keyval_create(int kind, wasmrun_fn *copy, wasmrun_fn *del, void *extra, int *k)
{
    keyval_t *p = realloc(keyvals, (size_t)(nkeyvals + 1) * sizeof *p);
    if (p == NULL)
        return MPI_ERR_NO_MEM;
    keyvals = p;
    keyvals[nkeyvals] = (keyval_t){kind, copy, del, extra, 1, 0};
    *k = FIRST_KEYVAL + nkeyvals++;
    return MPI_SUCCESS;
}

/* wasmrun_keyval finds keyval k of this kind (live or not); NULL when
 * there is none. */
int wasmrun_keyval(int kind, int k, wasmrun_fn **copy, wasmrun_fn **del, void **extra, int *live)
{
    int i = k - FIRST_KEYVAL;
    if (i < 0 || i >= nkeyvals || keyvals[i].kind != kind)
        return 0;
    if (copy)
        *copy = keyvals[i].copy;
    if (del)
        *del = keyvals[i].del;
    if (extra)
        *extra = keyvals[i].extra;
    if (live)
        *live = keyvals[i].live;
    return 1;
}

/* wasmrun_keyval_free marks a live keyval freed; attributes set with it
 * stay until they are deleted. */
int wasmrun_keyval_free(int kind, int k)
{
    int i = k - FIRST_KEYVAL;
    if (i < 0 || i >= nkeyvals || keyvals[i].kind != kind || !keyvals[i].live)
        return MPI_ERR_KEYVAL;
    keyvals[i].live = 0;
    return MPI_SUCCESS;
}

static attr_t *find(int kind, uintptr_t obj, int k)
{
    for (int i = 0; i < nattrs; i++)
        if (attrs[i].kind == kind && attrs[i].obj == obj && attrs[i].keyval == k)
            return &attrs[i];
    return NULL;
}

/* wasmrun_attr_get reports whether obj has an attribute under k, and its
 * value. */
int wasmrun_attr_get(int kind, uintptr_t obj, int k, void **value)
{
    attr_t *a = find(kind, obj, k);
    if (a != NULL && value)
        *value = a->value;
    return a != NULL;
}

/* wasmrun_attr_put sets or replaces the value (the caller has run the
 * delete callback of the value it replaces). */
int wasmrun_attr_put(int kind, uintptr_t obj, int k, void *value)
{
    attr_t *a = find(kind, obj, k);
    if (a != NULL) {
        a->value = value;
        return MPI_SUCCESS;
    }
    if (nattrs == capattrs) {
        int n = capattrs ? 2 * capattrs : 16;
        attr_t *p = realloc(attrs, (size_t)n * sizeof *p);
        if (p == NULL)
            return MPI_ERR_NO_MEM;
        attrs = p;
        capattrs = n;
    }
    attrs[nattrs++] = (attr_t){kind, obj, k, value};
    keyvals[k - FIRST_KEYVAL].refs++;
    return MPI_SUCCESS;
}

/* wasmrun_attr_remove forgets obj's attribute under k. */
void wasmrun_attr_remove(int kind, uintptr_t obj, int k)
{
    attr_t *a = find(kind, obj, k);
    if (a == NULL)
        return;
    keyvals[k - FIRST_KEYVAL].refs--;
    *a = attrs[--nattrs];
}

/* wasmrun_attr_nth gives obj's attribute at position *pos or later (in no
 * particular order) and advances *pos; 0 when there are no more. The
 * attributes of obj must not change between calls, except through
 * wasmrun_attr_put on other objects. */
int wasmrun_attr_nth(int kind, uintptr_t obj, int *pos, int *k, void **value)
{
    for (int i = *pos; i < nattrs; i++) {
        if (attrs[i].kind == kind && attrs[i].obj == obj) {
            *k = attrs[i].keyval;
            *value = attrs[i].value;
            *pos = i + 1;
            return 1;
        }
    }
    return 0;
}

/* wasmrun_attr_any gives one attribute of obj, if it has any. */
int wasmrun_attr_any(int kind, uintptr_t obj, int *k, void **value)
{
    int pos = 0;
    return wasmrun_attr_nth(kind, obj, &pos, k, value);
}
