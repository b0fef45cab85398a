/* The part of wasmrun's guest library that every module gets. */
#include <stdio.h>

/* wasmrun_flush is exported from every module that wasmrun cc links. The
 * embedder calls it after a trap so that output the guest had buffered in
 * stdio reaches the terminal before the trap report. */
__attribute__((export_name("wasmrun_flush"))) void wasmrun_flush(void) {
    fflush(NULL);
}
