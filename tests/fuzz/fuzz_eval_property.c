/* Fuzz the property evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("property", "{\"require\": [{\"path\": \"properties.enablePurgeProtection\", \"op\": \"true\", \"default\": false}]}", FUZZ_ONE, data, size);
}
