/* Fuzz the count evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("count", "{\"where\": [{\"path\": \"roleDefinitionId\", \"op\": \"eq\", \"value\": \"62e90394-69f5-4237-9190-012177145e10\"}], \"min\": 2, \"max\": 4}", FUZZ_ONE, data, size);
}
