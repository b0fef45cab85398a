/* Window attribute caching, kept in the guest (storage in keyattr.c):
 * MPI_Win_create_keyval, MPI_Win_free_keyval, MPI_Win_set_attr,
 * MPI_Win_get_attr, MPI_Win_delete_attr; delete callbacks run when the
 * window is freed (win.c's MPI_Win_free calls wasmrun_win_freeing).
 * Windows are never duplicated, so copy callbacks are stored and never run.
 *
 * The predefined attributes MPI_WIN_BASE, MPI_WIN_SIZE, MPI_WIN_DISP_UNIT,
 * MPI_WIN_CREATE_FLAVOR and MPI_WIN_MODEL are answered from what the guest
 * library recorded when the window was created: MPI_Win_create,
 * MPI_Win_create_dynamic and MPI_Win_allocate_shared are wrapped here
 * around the host's, and win.c's MPI_Win_allocate calls wasmrun_win_created.
 * Window memory is the guest's own linear memory, so the model is
 * MPI_WIN_UNIFIED. Errors go through the window's error handler. */
#include <mpi.h>
#include <stdint.h>
#include <stdlib.h>

#define IMPORT(name) __attribute__((import_module("wasmrun_mpi"), import_name(name)))
IMPORT("MPI_Win_create") int wasmrun_win_create(void *, MPI_Aint, int, MPI_Info, MPI_Comm, MPI_Win *);
IMPORT("MPI_Win_create_dynamic") int wasmrun_win_create_dynamic(MPI_Info, MPI_Comm, MPI_Win *);
IMPORT("MPI_Win_allocate_shared") int wasmrun_win_allocate_shared(MPI_Aint, int, MPI_Info, MPI_Comm, void *, MPI_Win *);

typedef void wasmrun_fn(void);
int wasmrun_keyval_create(int kind, wasmrun_fn *copy, wasmrun_fn *del, void *extra, int *k);
int wasmrun_keyval(int kind, int k, wasmrun_fn **copy, wasmrun_fn **del, void **extra, int *live);
int wasmrun_keyval_free(int kind, int k);
int wasmrun_attr_get(int kind, uintptr_t obj, int k, void **value);
int wasmrun_attr_put(int kind, uintptr_t obj, int k, void *value);
void wasmrun_attr_remove(int kind, uintptr_t obj, int k);
int wasmrun_attr_any(int kind, uintptr_t obj, int *k, void **value);
int wasmrun_win_raise(MPI_Win, const char *, int, const char *);
int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);

#define KIND 2 /* windows */
#define OBJ(w) ((uintptr_t)(w))
#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))

/* What MPI_Win_get_attr hands out for the predefined keys: pointers into
 * this record, which lives as long as the window. */
typedef struct winrec {
    MPI_Win win;
    void *base;
    MPI_Aint size;
    int disp_unit;
    int flavor;
    int model;
    struct winrec *next;
} winrec_t;

static winrec_t *wins;

static winrec_t *lookup(MPI_Win win)
{
    for (winrec_t *r = wins; r != NULL; r = r->next)
        if (r->win == win)
            return r;
    return NULL;
}

/* wasmrun_win_created records a new window's predefined attributes. */
void wasmrun_win_created(MPI_Win win, void *base, MPI_Aint size, int disp_unit, int flavor)
{
    winrec_t *r = lookup(win);
    if (r == NULL) {
        r = malloc(sizeof *r);
        if (r == NULL)
            return; /* MPI_Win_get_attr then answers flag = 0 */
        r->win = win;
        r->next = wins;
        wins = r;
    }
    r->base = base;
    r->size = size;
    r->disp_unit = disp_unit;
    r->flavor = flavor;
    r->model = MPI_WIN_UNIFIED;
}

static int call_delete(MPI_Win w, int k, void *value)
{
    wasmrun_fn *del;
    void *extra;
    wasmrun_keyval(KIND, k, NULL, &del, &extra, NULL);
    MPI_Win_delete_attr_function *f = (MPI_Win_delete_attr_function *)del;
    if (f == MPI_WIN_NULL_DELETE_FN)
        return MPI_SUCCESS;
    return f(w, k, value, extra);
}

/* wasmrun_win_freeing runs the delete callbacks of win's attributes and
 * forgets its record; MPI_Win_free calls it before the host frees the
 * window, and fails with its error. */
int wasmrun_win_freeing(MPI_Win win)
{
    int k;
    void *v;
    while (wasmrun_attr_any(KIND, OBJ(win), &k, &v)) {
        wasmrun_attr_remove(KIND, OBJ(win), k);
        int rc = call_delete(win, k, v);
        if (rc != MPI_SUCCESS)
            return wasmrun_win_raise(win, "MPI_Win_free", rc, "an attribute delete callback failed");
    }
    for (winrec_t **p = &wins; *p != NULL; p = &(*p)->next) {
        if ((*p)->win == win) {
            winrec_t *r = *p;
            *p = r->next;
            free(r);
            break;
        }
    }
    return MPI_SUCCESS;
}

int PMPI_Win_create(void *base, MPI_Aint size, int disp_unit, MPI_Info info, MPI_Comm comm, MPI_Win *win)
{
    int rc = wasmrun_win_create(base, size, disp_unit, info, comm, win);
    if (rc == MPI_SUCCESS)
        wasmrun_win_created(*win, base, size, disp_unit, MPI_WIN_FLAVOR_CREATE);
    return rc;
}
int MPI_Win_create(void *, MPI_Aint, int, MPI_Info, MPI_Comm, MPI_Win *) WEAK_ALIAS(Win_create);

int PMPI_Win_create_dynamic(MPI_Info info, MPI_Comm comm, MPI_Win *win)
{
    int rc = wasmrun_win_create_dynamic(info, comm, win);
    if (rc == MPI_SUCCESS)
        wasmrun_win_created(*win, MPI_BOTTOM, 0, 1, MPI_WIN_FLAVOR_DYNAMIC);
    return rc;
}
int MPI_Win_create_dynamic(MPI_Info, MPI_Comm, MPI_Win *) WEAK_ALIAS(Win_create_dynamic);

int PMPI_Win_allocate_shared(MPI_Aint size, int disp_unit, MPI_Info info, MPI_Comm comm, void *baseptr, MPI_Win *win)
{
    int rc = wasmrun_win_allocate_shared(size, disp_unit, info, comm, baseptr, win);
    if (rc == MPI_SUCCESS)
        wasmrun_win_created(*win, *(void **)baseptr, size, disp_unit, MPI_WIN_FLAVOR_SHARED);
    return rc;
}
int MPI_Win_allocate_shared(MPI_Aint, int, MPI_Info, MPI_Comm, void *, MPI_Win *) WEAK_ALIAS(Win_allocate_shared);

int PMPI_Win_create_keyval(MPI_Win_copy_attr_function *copy, MPI_Win_delete_attr_function *del, int *win_keyval, void *extra_state)
{
    const char *fn = "MPI_Win_create_keyval";
    if (win_keyval == NULL)
        return wasmrun_comm_raise(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "win_keyval is NULL");
    int rc = wasmrun_keyval_create(KIND, (wasmrun_fn *)copy, (wasmrun_fn *)del, extra_state, win_keyval);
    return rc == MPI_SUCCESS ? rc : wasmrun_comm_raise(MPI_COMM_WORLD, fn, rc, "no memory for the keyval");
}
int MPI_Win_create_keyval(MPI_Win_copy_attr_function *, MPI_Win_delete_attr_function *, int *, void *) WEAK_ALIAS(Win_create_keyval);

int PMPI_Win_free_keyval(int *win_keyval)
{
    if (win_keyval == NULL || wasmrun_keyval_free(KIND, *win_keyval) != MPI_SUCCESS)
        return wasmrun_comm_raise(MPI_COMM_WORLD, "MPI_Win_free_keyval", MPI_ERR_KEYVAL, "not a live window keyval");
    *win_keyval = MPI_KEYVAL_INVALID;
    return MPI_SUCCESS;
}
int MPI_Win_free_keyval(int *) WEAK_ALIAS(Win_free_keyval);

static int predefined(int k)
{
    return k >= MPI_WIN_BASE && k <= MPI_WIN_MODEL;
}

int PMPI_Win_set_attr(MPI_Win win, int win_keyval, void *attribute_val)
{
    const char *fn = "MPI_Win_set_attr";
    int live;
    if (win == MPI_WIN_NULL)
        return wasmrun_win_raise(win, fn, MPI_ERR_WIN, "MPI_WIN_NULL");
    if (!wasmrun_keyval(KIND, win_keyval, NULL, NULL, NULL, &live) || !live)
        return wasmrun_win_raise(win, fn, MPI_ERR_KEYVAL, predefined(win_keyval) ? "predefined attributes cannot be set" : "not a live window keyval");
    void *old;
    if (wasmrun_attr_get(KIND, OBJ(win), win_keyval, &old)) {
        int rc = call_delete(win, win_keyval, old);
        if (rc != MPI_SUCCESS)
            return wasmrun_win_raise(win, fn, rc, "the delete callback of the replaced value failed");
    }
    int rc = wasmrun_attr_put(KIND, OBJ(win), win_keyval, attribute_val);
    return rc == MPI_SUCCESS ? rc : wasmrun_win_raise(win, fn, rc, "no memory for the attribute");
}
int MPI_Win_set_attr(MPI_Win, int, void *) WEAK_ALIAS(Win_set_attr);

int PMPI_Win_get_attr(MPI_Win win, int win_keyval, void *attribute_val, int *flag)
{
    const char *fn = "MPI_Win_get_attr";
    if (win == MPI_WIN_NULL)
        return wasmrun_win_raise(win, fn, MPI_ERR_WIN, "MPI_WIN_NULL");
    if (flag == NULL || attribute_val == NULL)
        return wasmrun_win_raise(win, fn, MPI_ERR_ARG, "attribute_val or flag is NULL");
    if (predefined(win_keyval)) {
        winrec_t *r = lookup(win);
        *flag = r != NULL;
        if (r == NULL)
            return MPI_SUCCESS;
        switch (win_keyval) {
        case MPI_WIN_BASE:
            *(void **)attribute_val = r->base;
            break;
        case MPI_WIN_SIZE:
            *(MPI_Aint **)attribute_val = &r->size;
            break;
        case MPI_WIN_DISP_UNIT:
            *(int **)attribute_val = &r->disp_unit;
            break;
        case MPI_WIN_CREATE_FLAVOR:
            *(int **)attribute_val = &r->flavor;
            break;
        default:
            *(int **)attribute_val = &r->model;
            break;
        }
        return MPI_SUCCESS;
    }
    if (!wasmrun_keyval(KIND, win_keyval, NULL, NULL, NULL, NULL))
        return wasmrun_win_raise(win, fn, MPI_ERR_KEYVAL, "not a window keyval");
    void *v;
    *flag = wasmrun_attr_get(KIND, OBJ(win), win_keyval, &v);
    if (*flag)
        *(void **)attribute_val = v;
    return MPI_SUCCESS;
}
int MPI_Win_get_attr(MPI_Win, int, void *, int *) WEAK_ALIAS(Win_get_attr);

int PMPI_Win_delete_attr(MPI_Win win, int win_keyval)
{
    const char *fn = "MPI_Win_delete_attr";
    if (win == MPI_WIN_NULL)
        return wasmrun_win_raise(win, fn, MPI_ERR_WIN, "MPI_WIN_NULL");
    if (!wasmrun_keyval(KIND, win_keyval, NULL, NULL, NULL, NULL))
        return wasmrun_win_raise(win, fn, MPI_ERR_KEYVAL, predefined(win_keyval) ? "predefined attributes cannot be deleted" : "not a window keyval");
    void *v;
    if (!wasmrun_attr_get(KIND, OBJ(win), win_keyval, &v))
        return wasmrun_win_raise(win, fn, MPI_ERR_KEYVAL, "no attribute is cached under this keyval");
    int rc = call_delete(win, win_keyval, v);
    if (rc != MPI_SUCCESS)
        return wasmrun_win_raise(win, fn, rc, "the delete callback failed");
    wasmrun_attr_remove(KIND, OBJ(win), win_keyval);
    return MPI_SUCCESS;
}
int MPI_Win_delete_attr(MPI_Win, int) WEAK_ALIAS(Win_delete_attr);
