/*
 * What `azmat plan set` and the plan screen accept from an operator, and
 * the date arithmetic that due dates and exception expiries go through.
 * Input: lines "owner", "due", "status", "today". Checks that validation
 * never crashes and that accepted dates behave: adding k days and counting
 * them back gives k.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "timeutil.h"

#define REQUIRE(c) \
	do { \
		if (!(c)) \
			abort(); \
	} while (0)

static char *next_line(char **p)
{
	char *s = *p, *nl;

	if (!s)
		return NULL;
	nl = strchr(s, '\n');
	if (nl) {
		*nl = 0;
		*p = nl + 1;
	} else {
		*p = NULL;
	}
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *p = buf, *owner, *due, *status, *today;
	static const long ks[] = { 0, 1, 14, 90, 365, -30, 36500 };
	size_t i;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = 0;
	owner = next_line(&p);
	due = next_line(&p);
	status = next_line(&p);
	today = next_line(&p);
	if (!plan_override_check(owner, due, status, NULL) && due && *due) {
		REQUIRE(time_is_date(due));
		for (i = 0; i < sizeof(ks) / sizeof(ks[0]); i++) {
			char out[16];
			long back = 0;
			if (plan_date_add(due, ks[i], out))
				continue; /* beyond year 9999 */
			REQUIRE(time_is_date(out));
			REQUIRE(!plan_days_between(due, out, &back));
			REQUIRE(back == ks[i]);
		}
	}
	if (today && due) {
		long d;
		if (!plan_days_between(today, due, &d))
			REQUIRE(time_is_date(today) && time_is_date(due));
	}
	REQUIRE(plan_status_parse(status) < PLAN_STATUS__COUNT);
	free(buf);
	return 0;
}
