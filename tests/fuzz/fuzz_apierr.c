/*
 * Fuzz error bodies (ARM, Resource Graph, Graph, OAuth2) and their
 * verdicts under every status that reaches the classifier.
 */
#include <stdint.h>
#include <string.h>

#include "apierr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const long statuses[] = { 400, 401, 403, 404, 408, 409, 429, 500, 503 };
	struct api_error e;
	size_t i;

	api_error_parse((const char *)data, size, &e);
	if (strlen(e.code) >= sizeof(e.code) || strlen(e.message) >= sizeof(e.message))
		__builtin_trap();
	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		enum api_verdict v = api_error_verdict(statuses[i], &e, (int)(i & 1));
		(void)api_verdict_cause(v);
	}
	return 0;
}
