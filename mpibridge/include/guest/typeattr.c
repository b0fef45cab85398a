/* Datatype attribute caching, kept in the guest (storage in keyattr.c):
 * MPI_Type_create_keyval, MPI_Type_free_keyval, MPI_Type_set_attr,
 * MPI_Type_get_attr, MPI_Type_delete_attr, and MPI_Type_dup and
 * MPI_Type_free wrapped around the host's so that dup runs the copy
 * callbacks (MPI_TYPE_DUP_FN copies the value, MPI_TYPE_NULL_COPY_FN
 * drops it) and free runs the delete callbacks, as the standard says.
 * Attributes may be cached on predefined datatypes too. Errors go through
 * MPI_COMM_WORLD's error handler, as the bridge's datatype errors do. */
#include <mpi.h>
#include <stddef.h>
#include <stdint.h>

#define IMPORT(name) __attribute__((import_module("wasmrun_mpi"), import_name(name)))
IMPORT("MPI_Type_dup") int wasmrun_type_dup(MPI_Datatype, MPI_Datatype *);
IMPORT("MPI_Type_free") int wasmrun_type_free(MPI_Datatype *);

typedef void wasmrun_fn(void);
int wasmrun_keyval_create(int kind, wasmrun_fn *copy, wasmrun_fn *del, void *extra, int *k);
int wasmrun_keyval(int kind, int k, wasmrun_fn **copy, wasmrun_fn **del, void **extra, int *live);
int wasmrun_keyval_free(int kind, int k);
int wasmrun_attr_get(int kind, uintptr_t obj, int k, void **value);
int wasmrun_attr_put(int kind, uintptr_t obj, int k, void *value);
void wasmrun_attr_remove(int kind, uintptr_t obj, int k);
int wasmrun_attr_nth(int kind, uintptr_t obj, int *pos, int *k, void **value);
int wasmrun_attr_any(int kind, uintptr_t obj, int *k, void **value);
int wasmrun_comm_raise(MPI_Comm, const char *, int, const char *);

#define KIND 1 /* datatypes */
#define OBJ(t) ((uintptr_t)(t))
#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))

static int fail(const char *fn, int class, const char *cause)
{
    return wasmrun_comm_raise(MPI_COMM_WORLD, fn, class, cause);
}

int PMPI_Type_create_keyval(MPI_Type_copy_attr_function *copy, MPI_Type_delete_attr_function *del, int *type_keyval, void *extra_state)
{
    if (type_keyval == NULL)
        return fail("MPI_Type_create_keyval", MPI_ERR_ARG, "type_keyval is NULL");
    int rc = wasmrun_keyval_create(KIND, (wasmrun_fn *)copy, (wasmrun_fn *)del, extra_state, type_keyval);
    return rc == MPI_SUCCESS ? rc : fail("MPI_Type_create_keyval", rc, "no memory for the keyval");
}
int MPI_Type_create_keyval(MPI_Type_copy_attr_function *, MPI_Type_delete_attr_function *, int *, void *) WEAK_ALIAS(Type_create_keyval);

int PMPI_Type_free_keyval(int *type_keyval)
{
    if (type_keyval == NULL || wasmrun_keyval_free(KIND, *type_keyval) != MPI_SUCCESS)
        return fail("MPI_Type_free_keyval", MPI_ERR_KEYVAL, "not a live datatype keyval");
    *type_keyval = MPI_KEYVAL_INVALID;
    return MPI_SUCCESS;
}
int MPI_Type_free_keyval(int *) WEAK_ALIAS(Type_free_keyval);

/* call_delete runs k's delete callback for the value cached on t. */
static int call_delete(MPI_Datatype t, int k, void *value)
{
    wasmrun_fn *del;
    void *extra;
    wasmrun_keyval(KIND, k, NULL, &del, &extra, NULL);
    MPI_Type_delete_attr_function *f = (MPI_Type_delete_attr_function *)del;
    if (f == MPI_TYPE_NULL_DELETE_FN)
        return MPI_SUCCESS;
    return f(t, k, value, extra);
}

int PMPI_Type_set_attr(MPI_Datatype datatype, int type_keyval, void *attribute_val)
{
    const char *fn = "MPI_Type_set_attr";
    int live;
    if (!wasmrun_keyval(KIND, type_keyval, NULL, NULL, NULL, &live) || !live)
        return fail(fn, MPI_ERR_KEYVAL, "not a live datatype keyval");
    if (datatype == MPI_DATATYPE_NULL)
        return fail(fn, MPI_ERR_TYPE, "MPI_DATATYPE_NULL");
    void *old;
    if (wasmrun_attr_get(KIND, OBJ(datatype), type_keyval, &old)) {
        int rc = call_delete(datatype, type_keyval, old);
        if (rc != MPI_SUCCESS)
            return fail(fn, rc, "the delete callback of the replaced value failed");
    }
    int rc = wasmrun_attr_put(KIND, OBJ(datatype), type_keyval, attribute_val);
    return rc == MPI_SUCCESS ? rc : fail(fn, rc, "no memory for the attribute");
}
int MPI_Type_set_attr(MPI_Datatype, int, void *) WEAK_ALIAS(Type_set_attr);

int PMPI_Type_get_attr(MPI_Datatype datatype, int type_keyval, void *attribute_val, int *flag)
{
    const char *fn = "MPI_Type_get_attr";
    if (!wasmrun_keyval(KIND, type_keyval, NULL, NULL, NULL, NULL))
        return fail(fn, MPI_ERR_KEYVAL, "not a datatype keyval");
    if (datatype == MPI_DATATYPE_NULL)
        return fail(fn, MPI_ERR_TYPE, "MPI_DATATYPE_NULL");
    if (flag == NULL || attribute_val == NULL)
        return fail(fn, MPI_ERR_ARG, "attribute_val or flag is NULL");
    void *v;
    *flag = wasmrun_attr_get(KIND, OBJ(datatype), type_keyval, &v);
    if (*flag)
        *(void **)attribute_val = v;
    return MPI_SUCCESS;
}
int MPI_Type_get_attr(MPI_Datatype, int, void *, int *) WEAK_ALIAS(Type_get_attr);

int PMPI_Type_delete_attr(MPI_Datatype datatype, int type_keyval)
{
    const char *fn = "MPI_Type_delete_attr";
    if (!wasmrun_keyval(KIND, type_keyval, NULL, NULL, NULL, NULL))
        return fail(fn, MPI_ERR_KEYVAL, "not a datatype keyval");
    void *v;
    if (!wasmrun_attr_get(KIND, OBJ(datatype), type_keyval, &v))
        return fail(fn, MPI_ERR_KEYVAL, "no attribute is cached under this keyval");
    int rc = call_delete(datatype, type_keyval, v);
    if (rc != MPI_SUCCESS)
        return fail(fn, rc, "the delete callback failed");
    wasmrun_attr_remove(KIND, OBJ(datatype), type_keyval);
    return MPI_SUCCESS;
}
int MPI_Type_delete_attr(MPI_Datatype, int) WEAK_ALIAS(Type_delete_attr);

/* delete_all runs the delete callbacks of every attribute of t and
 * forgets them; it stops at the first callback that fails. */
static int delete_all(MPI_Datatype t)
{
    int k;
    void *v;
    while (wasmrun_attr_any(KIND, OBJ(t), &k, &v)) {
        wasmrun_attr_remove(KIND, OBJ(t), k);
        int rc = call_delete(t, k, v);
        if (rc != MPI_SUCCESS)
            return rc;
    }
    return MPI_SUCCESS;
}

int PMPI_Type_dup(MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    int rc = wasmrun_type_dup(oldtype, newtype);
    if (rc != MPI_SUCCESS)
        return rc;
    int pos = 0, k;
    void *in;
    while (wasmrun_attr_nth(KIND, OBJ(oldtype), &pos, &k, &in)) {
        wasmrun_fn *copy;
        void *extra;
        wasmrun_keyval(KIND, k, &copy, NULL, &extra, NULL);
        MPI_Type_copy_attr_function *f = (MPI_Type_copy_attr_function *)copy;
        void *out = NULL;
        int flag = 0;
        if (f == MPI_TYPE_DUP_FN) {
            out = in;
            flag = 1;
        } else if (f != MPI_TYPE_NULL_COPY_FN) {
            rc = f(oldtype, k, extra, in, &out, &flag);
        }
        if (rc == MPI_SUCCESS && flag)
            rc = wasmrun_attr_put(KIND, OBJ(*newtype), k, out);
        if (rc != MPI_SUCCESS) {
            /* the dup fails as a whole: undo what was copied */
            delete_all(*newtype);
            wasmrun_type_free(newtype);
            *newtype = MPI_DATATYPE_NULL;
            return fail("MPI_Type_dup", rc, "an attribute copy callback failed");
        }
    }
    return MPI_SUCCESS;
}
int MPI_Type_dup(MPI_Datatype, MPI_Datatype *) WEAK_ALIAS(Type_dup);

int PMPI_Type_free(MPI_Datatype *datatype)
{
    /* a predefined or null datatype cannot be freed: let the host say so
     * before anything is deleted */
    if (datatype != NULL && (uintptr_t)*datatype >= 0x1000) {
        int rc = delete_all(*datatype);
        if (rc != MPI_SUCCESS)
            return fail("MPI_Type_free", rc, "an attribute delete callback failed");
    }
    return wasmrun_type_free(datatype);
}
int MPI_Type_free(MPI_Datatype *) WEAK_ALIAS(Type_free);
