/*
 * Fuzz what azmat reads from response headers and links: Retry-After
 * (seconds, fractions, HTTP dates), Resource Graph's quota reset, and the
 * origin of a next link or redirect (which decides where a token may go).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cloud.h"
#include "retry.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	struct buf o = BUF_INIT(1 << 16);
	long long ms;
	time_t t;

	memcpy(s, data, size);
	s[size] = '\0';
	ms = retry_after_ms(s, 1700000000);
	if (ms < -1 || ms > RETRY_MAX_WAIT_MS)
		abort();
	ms = quota_reset_ms(s);
	if (ms < -1 || ms > RETRY_MAX_WAIT_MS)
		abort();
	http_date_parse(s, &t);
	if (!url_origin(s, &o) && strncmp(o.data, "http", 4))
		abort();
	(void)url_same_origin(s, "https://management.azure.com");
	(void)url_is_local(s);
	buf_release(&o);
	free(s);
	return 0;
}
