/* Fuzz the ca_exclusions evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("ca_exclusions", "{\"min\": 2}", FUZZ_ONE, data, size);
}
