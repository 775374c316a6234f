/*
 * Tiny macros used everywhere.
 */
#ifndef AZMAT_COMPAT_H
#define AZMAT_COMPAT_H

#include <stdatomic.h>

/*
 * A cancellation flag: set from a signal handler or another thread, read
 * by the collector's loops. atomic_int is lock-free on every platform azmat
 * builds on, so it is safe in a signal handler and free of data races
 * between threads (a volatile sig_atomic_t is only the former).
 */
typedef atomic_int cancel_flag;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define UNUSED(x) ((void)(x))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#endif
