/* Fuzz the nsg_open_ports evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("nsg_open_ports", "{\"ports\": [22, 3389, 1433]}", FUZZ_ONE, data, size);
}
