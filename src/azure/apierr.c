/*
 * Error bodies and their meaning. Licence errors arrive as 403 (Graph
 * "Authentication_RequestFromNonPremiumTenantOrB2CTenant") or 400 (PIM
 * "AadPremiumLicenseRequired"), so the code and message are judged before
 * the status.
 */
#include "apierr.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "compat.h"

static void copy(char *dst, size_t n, const cJSON *v)
{
	if (cJSON_IsString(v) && v->valuestring)
		snprintf(dst, n, "%s", v->valuestring);
}

void api_error_parse(const char *body, size_t n, struct api_error *out)
{
	cJSON *root;
	const cJSON *err;

	memset(out, 0, sizeof(*out));
	if (!body || !n)
		return;
	root = cJSON_ParseWithLength(body, n);
	if (!cJSON_IsObject(root))
		goto out;
	err = cJSON_GetObjectItemCaseSensitive(root, "error");
	if (cJSON_IsObject(err)) {
		copy(out->code, sizeof(out->code), cJSON_GetObjectItemCaseSensitive(err, "code"));
		copy(out->message, sizeof(out->message),
		     cJSON_GetObjectItemCaseSensitive(err, "message"));
	} else if (cJSON_IsString(err)) {
		copy(out->code, sizeof(out->code), err);
		copy(out->message, sizeof(out->message),
		     cJSON_GetObjectItemCaseSensitive(root, "error_description"));
	} else {
		copy(out->code, sizeof(out->code), cJSON_GetObjectItemCaseSensitive(root, "code"));
		copy(out->message, sizeof(out->message),
		     cJSON_GetObjectItemCaseSensitive(root, "message"));
	}
out:
	cJSON_Delete(root);
}

/* Case-insensitive substring test (strcasestr is a GNU extension). */
static int has(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return 0;
}

static int is_licence(const struct api_error *e)
{
	static const char *const codes[] = { "NonPremiumTenant", "PremiumLicense",
					     "LicenseRequired", "LicenceRequired",
					     "Authentication_MissingOrMisconfigured" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(codes); i++)
		if (has(e->code, codes[i]))
			return 1;
	return has(e->message, "premium license") || has(e->message, "doesn't have premium") ||
	       has(e->message, "license is required") || has(e->message, "licence is required");
}

enum api_verdict api_error_verdict(long status, const struct api_error *e, int per_resource)
{
	if (!strcmp(e->code, "MissingSubscriptionRegistration") ||
	    !strcmp(e->code, "SubscriptionNotRegistered"))
		return API_EMPTY;
	if (is_licence(e))
		return API_LICENCE;
	if (status == 429)
		return API_THROTTLED;
	if (status == 408)
		return API_TIMEOUT;
	if (status == 401 || status == 403)
		return API_PERMISSION;
	if (status == 404 && per_resource)
		return API_SKIP;
	return API_ERROR;
}

enum check_cause api_verdict_cause(enum api_verdict v)
{
	switch (v) {
	case API_EMPTY:
	case API_SKIP:
		return CAUSE_NONE;
	case API_PERMISSION:
		return CAUSE_PERMISSION;
	case API_LICENCE:
		return CAUSE_LICENCE;
	case API_THROTTLED:
		return CAUSE_THROTTLED;
	case API_TIMEOUT:
		return CAUSE_TIMEOUT;
	case API_ERROR:
		break;
	}
	return CAUSE_API_ERROR;
}
