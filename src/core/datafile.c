#include "datafile.h"

#include "fsutil.h"

static int holds(const char *dir, const char *marker)
{
	struct buf p = BUF_INIT(8192);
	int ok;

	path_join(&p, dir, marker);
	ok = path_exists(p.data);
	buf_release(&p);
	return ok;
}

enum az_err data_locate(const char *rel, const char *marker, const char *datadir, struct buf *out,
			struct buf *tried)
{
	struct buf exe = BUF_INIT(8192), cand = BUF_INIT(8192), share = BUF_INIT(8192);
	enum az_err rc = AZ_ERR_NOTFOUND;
	int i;

	path_exe_dir(&exe);
	path_join(&share, "../share/azmat", rel);
	for (i = 0; i < 3 && rc; i++) {
		buf_reset(&cand);
		if (i == 0 && exe.len)
			path_join(&cand, exe.data, rel);
		else if (i == 1 && exe.len)
			path_join(&cand, exe.data, share.data);
		else if (i == 2 && datadir)
			path_join(&cand, datadir, rel);
		if (!cand.len)
			continue;
		if (holds(cand.data, marker)) {
			buf_addstr(out, cand.data);
			rc = AZ_OK;
		} else if (tried) {
			buf_addf(tried, "%s'%s'", tried->len ? ", " : "", cand.data);
		}
	}
	buf_release(&exe);
	buf_release(&cand);
	buf_release(&share);
	return rc;
}
