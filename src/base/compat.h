/*
 * Tiny macros used everywhere.
 */
#ifndef AZMAT_COMPAT_H
#define AZMAT_COMPAT_H

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define UNUSED(x) ((void)(x))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#endif
