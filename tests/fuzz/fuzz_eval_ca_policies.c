/* Fuzz the ca_policies evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("ca_policies", "{\"users\": \"roles\", \"roles\": [{\"id\": \"62e90394-69f5-4237-9190-012177145e10\", \"name\": \"GA\"}], \"grant\": [\"mfa\", \"authenticationStrength\"], \"max_excluded\": 5}", FUZZ_ONE, data, size);
}
