/*
 * Fuzz page envelopes (ARM "value"/"nextLink", Graph "@odata.nextLink",
 * Resource Graph "data"/"$skipToken"/"resultTruncated") and the claims of
 * a JWT, as the collector and the pre-flight read them.
 */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jwt.h"
#include "page.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct page p;
	char *s;
	cJSON *claims;

	if (!page_parse((const char *)data, size, &p, NULL)) {
		const cJSON *d;
		if (!p.docs == !p.one)
			abort();
		cJSON_ArrayForEach(d, p.docs)
			(void)cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, "id"));
		if ((p.next && !*p.next) || (p.skip_token && !*p.skip_token))
			abort();
		page_release(&p);
	}
	s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	claims = jwt_claims(s);
	if (claims && !cJSON_IsObject(claims))
		abort();
	cJSON_Delete(claims);
	free(s);
	return 0;
}
