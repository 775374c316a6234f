/*
 * Fuzz token replies (the token endpoint, managed identity, the Azure CLI)
 * and their expiry fields: any bytes, parsed as a reply and as a time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expiry.h"
#include "token.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct token_reply r;
	struct errmsg em = ERRMSG_INIT;
	char *s = xmalloc(size + 1);
	time_t t;

	memcpy(s, data, size);
	s[size] = '\0';
	memset(&r, 0, sizeof(r));
	if (!token_parse((const char *)data, size, 1700000000, &r, &em) && !r.access.data)
		abort();
	token_reply_release(&r);
	if (!expiry_parse_time(s, &t) && (t < 978307200 || t > 100000000000LL))
		abort();
	free(s);
	return 0;
}
