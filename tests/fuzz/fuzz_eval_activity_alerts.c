/* Fuzz the activity_alerts evaluator (see fuzz_eval.h for the input). */
#include "fuzz_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_evaluator("activity_alerts", "{\"operations\": [\"Microsoft.Authorization/policyAssignments/write\", \"Microsoft.Network/networkSecurityGroups/delete\"]}", FUZZ_ONE, data, size);
}
