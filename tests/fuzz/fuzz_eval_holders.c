/* Fuzz the holders evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("holders", "{\"principal\": \"principalId\", \"require\": [{\"path\": \"userType\", \"op\": \"ne\", \"value\": \"Guest\", \"default\": \"Member\"}]}", FUZZ_TWO, data, size);
}
