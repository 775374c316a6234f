/*
 * Files and paths.
 */
#ifndef AZMAT_FSUTIL_H
#define AZMAT_FSUTIL_H

#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "err.h"

/* Append the whole file at path to out, failing past out's cap. */
enum az_err file_read(const char *path, struct buf *out, struct errmsg *em);

/*
 * Write n bytes to path atomically: into a temporary file beside it, fsync,
 * then rename over path. A crash leaves either the old or the new file,
 * never a torn one. The file gets mode (subject to the umask).
 */
enum az_err file_write_atomic(const char *path, const void *data, size_t n, mode_t mode,
			      struct errmsg *em);

/* Create the directory path and its parents with mode; existing is fine. */
enum az_err mkdir_p(const char *path, mode_t mode, struct errmsg *em);

/* True when path exists (any type). */
int path_exists(const char *path);
/* True when path is a directory. */
int path_is_dir(const char *path);

/* Append "a/b" to out, adding one '/' between them when needed. */
void path_join(struct buf *out, const char *a, const char *b);

/*
 * Append the directory holding the running executable (from
 * /proc/self/exe) to out. Returns AZ_ERR_NOTFOUND when unknown.
 */
enum az_err path_exe_dir(struct buf *out);

/* Append the directory part of path ("." when it has none) to out. */
void path_dirname(struct buf *out, const char *path);

#endif
