/*
 * Finding the data azmat ships (the catalog, assets/): in the build tree
 * beside the executable, or in the install prefix's share/azmat.
 */
#ifndef AZMAT_DATAFILE_H
#define AZMAT_DATAFILE_H

#include "buf.h"
#include "err.h"

/*
 * Find the shipped folder rel ("roadmap", "assets/demo/bundle"): rel beside
 * the executable (the build tree), else "../share/azmat/<rel>" beside it (an
 * install prefix), else "<datadir>/<rel>" (datadir may be NULL). A folder
 * counts when it holds the file marker. Appends the folder to out; else
 * AZ_ERR_NOTFOUND, with where it looked appended to tried (may be NULL).
 */
enum az_err data_locate(const char *rel, const char *marker, const char *datadir, struct buf *out,
			struct buf *tried);

#endif
