/* Fuzz the pim_standing evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("pim_standing", "{\"roles\": [\"62e90394-69f5-4237-9190-012177145e10\"], \"allow\": 2}", FUZZ_TWO, data, size);
}
