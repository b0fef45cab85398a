/* Loading the MPI plugin: see load.go. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "calls.h"
#include "_cgo_export.h"

const char *wr_bind(void *plugin);

static void say(char *err, int cap, const char *what, const char *name, const char *why) {
    snprintf(err, (size_t)cap, "%s %s: %s", what, name, why != NULL ? why : "unknown error");
}

/* wr_load opens the host MPI library lib with its symbols global (Open
 * MPI's own components need them, and the plugin is linked against none),
 * checks that it exports marker (a symbol only its family has), opens the
 * plugin and binds the stubs to it. On failure it returns -1 with the
 * reason in err. */
int wr_load(const char *lib, const char *marker, const char *plugin, char *err, int cap) {
    void *m = dlopen(lib, RTLD_NOW | RTLD_GLOBAL);
    if (m == NULL) {
        say(err, cap, "cannot load", lib, dlerror());
        return -1;
    }
    if (dlsym(m, marker) == NULL) {
        snprintf(err, (size_t)cap, "%s is not a library of this MPI family: it lacks %s", lib, marker);
        return -1;
    }
    void *p = dlopen(plugin, RTLD_NOW | RTLD_LOCAL);
    if (p == NULL) {
        say(err, cap, "cannot load the MPI plugin", plugin, dlerror());
        return -1;
    }
    const char *missing = wr_bind(p);
    if (missing != NULL) {
        say(err, cap, "the MPI plugin", plugin, "lacks ");
        strncat(err, missing, (size_t)cap - strlen(err) - 1);
        return -1;
    }
    wr_set_user_op(wasmrunUserOp);
    wr_set_greq(wasmrunGreq);
    return 0;
}

/* wr_lib_probe says whether lib can be opened (it stays open). */
int wr_lib_probe(const char *lib, const char *marker) {
    void *m = dlopen(lib, RTLD_LAZY | RTLD_GLOBAL);
    return m != NULL && dlsym(m, marker) != NULL;
}
