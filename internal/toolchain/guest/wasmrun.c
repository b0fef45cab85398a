/* The part of wasmrun's guest library that every module gets. */
#include <stdio.h>

static void flush(void) { fflush(NULL); }

/* After a trap the embedder flushes the output the guest had buffered in
 * stdio, before its report. It finds flush through this exported address
 * (a function-table index): calling an exported function of a command
 * module would also run the guest's atexit handlers. */
void (*const wasmrun_flush_hook)(void) = flush;
