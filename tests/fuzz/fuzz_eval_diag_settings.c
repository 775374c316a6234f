/* Fuzz the diag_settings evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("diag_settings", "{\"categories\": [\"Administrative\", [\"Security\", \"Policy\"]], \"groups\": [\"allLogs\", \"audit\"]}", FUZZ_TWO, data, size);
}
