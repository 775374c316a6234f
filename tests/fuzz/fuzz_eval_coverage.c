/* Fuzz the coverage evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("coverage", "{\"target\": \"subscription\", \"attach\": \"subscription\", \"match\": \"ancestor\", \"require\": [{\"path\": \"properties.emails\", \"op\": \"len_ge\", \"value\": 3}], \"min\": 1, \"max\": 3}", FUZZ_TWO, data, size);
}
