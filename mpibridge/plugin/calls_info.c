/* Host side of info objects: see calls_ext.h. Values are copied through a
 * buffer of the host's own MPI_MAX_INFO_VAL, so what reaches guest memory
 * never exceeds the size the bridge checked, whatever the host does with
 * lengths. */
#include <mpi.h>
#include <string.h>

#include "calls_ext.h"

#define INFO(h) ((MPI_Info)(h))

static char value_buf[MPI_MAX_INFO_VAL + 1];
static char key_buf[MPI_MAX_INFO_KEY + 1];

uintptr_t wr_info_host_null(void) { return (uintptr_t)MPI_INFO_NULL; }

int wr_info_env(uintptr_t *out) {
    static const char *const hidden[] = {"command", "argv", "wdir", "file"};
    MPI_Info info = MPI_INFO_NULL;
    int n = 0, flag = 0;
    int rc = MPI_Info_create(&info);
    *out = (uintptr_t)info;
    if (rc != MPI_SUCCESS) return rc;
    if (MPI_Info_get_nkeys(MPI_INFO_ENV, &n) != MPI_SUCCESS) return MPI_SUCCESS;
    for (int i = 0; i < n; i++) {
        int skip = 0;
        if (MPI_Info_get_nthkey(MPI_INFO_ENV, i, key_buf) != MPI_SUCCESS) continue;
        key_buf[MPI_MAX_INFO_KEY] = 0;
        for (size_t k = 0; k < sizeof hidden / sizeof hidden[0]; k++)
            skip |= strcmp(key_buf, hidden[k]) == 0;
        if (skip) continue;
        if (MPI_Info_get(MPI_INFO_ENV, key_buf, MPI_MAX_INFO_VAL, value_buf, &flag) != MPI_SUCCESS || !flag)
            continue;
        value_buf[MPI_MAX_INFO_VAL] = 0;
        MPI_Info_set(info, key_buf, value_buf);
    }
    return MPI_SUCCESS;
}

int wr_info_create(uintptr_t *out) {
    MPI_Info info = MPI_INFO_NULL;
    int rc = MPI_Info_create(&info);
    *out = (uintptr_t)info;
    return rc;
}

int wr_info_dup(uintptr_t info, uintptr_t *out) {
    MPI_Info d = MPI_INFO_NULL;
    int rc = MPI_Info_dup(INFO(info), &d);
    *out = (uintptr_t)d;
    return rc;
}

int wr_info_free(uintptr_t *info) {
    MPI_Info i = INFO(*info);
    int rc = MPI_Info_free(&i);
    *info = (uintptr_t)i;
    return rc;
}

int wr_info_set(uintptr_t info, const char *key, const char *value) {
    return MPI_Info_set(INFO(info), key, value);
}

int wr_info_delete(uintptr_t info, const char *key) { return MPI_Info_delete(INFO(info), key); }

int wr_info_get_valuelen(uintptr_t info, const char *key, int *valuelen, int *flag) {
    return MPI_Info_get_valuelen(INFO(info), key, valuelen, flag);
}

/* value of key in value_buf; *len its length */
static int get_value(uintptr_t info, const char *key, int *len, int *flag) {
    int n = 0, rc = MPI_Info_get_valuelen(INFO(info), key, &n, flag);
    if (rc != MPI_SUCCESS || !*flag) return rc;
    rc = MPI_Info_get(INFO(info), key, MPI_MAX_INFO_VAL, value_buf, flag);
    if (rc != MPI_SUCCESS || !*flag) return rc;
    value_buf[MPI_MAX_INFO_VAL] = 0;
    *len = (int)strlen(value_buf);
    return MPI_SUCCESS;
}

int wr_info_get(uintptr_t info, const char *key, int valuelen, char *value, int *flag) {
    int n = 0, rc = get_value(info, key, &n, flag);
    if (rc != MPI_SUCCESS || !*flag) return rc;
    if (n > valuelen) n = valuelen;
    memcpy(value, value_buf, (size_t)n);
    value[n] = 0;
    return MPI_SUCCESS;
}

int wr_info_get_string(uintptr_t info, const char *key, int *buflen, char *value, int *flag) {
    int n = 0, cap = *buflen, rc = get_value(info, key, &n, flag);
    if (rc != MPI_SUCCESS || !*flag) return rc;
    if (cap > 0) {
        int m = n < cap - 1 ? n : cap - 1;
        memcpy(value, value_buf, (size_t)m);
        value[m] = 0;
    }
    *buflen = n + 1;
    return MPI_SUCCESS;
}

int wr_info_get_nkeys(uintptr_t info, int *nkeys) { return MPI_Info_get_nkeys(INFO(info), nkeys); }

int wr_info_get_nthkey(uintptr_t info, int n, char *key, int cap) {
    int rc = MPI_Info_get_nthkey(INFO(info), n, key_buf);
    if (rc != MPI_SUCCESS) return rc;
    key_buf[MPI_MAX_INFO_KEY] = 0;
    int l = (int)strlen(key_buf);
    if (l > cap - 1) l = cap - 1;
    memcpy(key, key_buf, (size_t)l);
    key[l] = 0;
    return MPI_SUCCESS;
}
