/* Fuzz the subnets evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("subnets", "{\"egress\": true, \"require\": [{\"path\": \"properties.networkSecurityGroup.id\", \"op\": \"exists\"}]}", FUZZ_TWO, data, size);
}
