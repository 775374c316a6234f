#include "token.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "apierr.h"
#include "expiry.h"

static const cJSON *field(const cJSON *o, const char *a, const char *b)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, a);

	if (!v && b)
		v = cJSON_GetObjectItemCaseSensitive(o, b);
	return cJSON_IsString(v) && v->valuestring && *v->valuestring ? v : NULL;
}

/* "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: ..." -> first line. */
static void first_line(char *out, size_t n, const char *s)
{
	size_t i = 0;

	while (s[i] && s[i] != '\r' && s[i] != '\n' && i + 1 < n) {
		out[i] = s[i];
		i++;
	}
	out[i] = '\0';
}

enum az_err token_parse(const char *body, size_t n, time_t now, struct token_reply *out,
			struct errmsg *em)
{
	cJSON *root = body && n ? cJSON_ParseWithLength(body, n) : NULL;
	const cJSON *tok, *ref, *ten;
	enum az_err rc = AZ_OK;

	if (!cJSON_IsObject(root)) {
		rc = errmsg_set(em, AZ_ERR_PARSE, "the token reply is not a JSON object");
		goto out;
	}
	if (cJSON_GetObjectItemCaseSensitive(root, "error")) {
		struct api_error e;
		char line[200];
		api_error_parse(body, n, &e);
		first_line(line, sizeof(line), e.message);
		rc = errmsg_set(em, AZ_ERR_AUTH, "sign-in refused: %s%s%s", e.code[0] ? e.code : "error",
				line[0] ? ": " : "", line);
		goto out;
	}
	tok = field(root, "access_token", "accessToken");
	if (!tok) {
		rc = errmsg_set(em, AZ_ERR_PARSE, "the token reply has no access token");
		goto out;
	}
	secret_setstr(&out->access, tok->valuestring);
	ref = field(root, "refresh_token", NULL);
	if (ref)
		secret_setstr(&out->refresh, ref->valuestring);
	if (expiry_from_json(root, now, &out->expires))
		out->expires = now + TOKEN_DEFAULT_LIFETIME;
	ten = field(root, "tenant", NULL);
	if (ten)
		snprintf(out->tenant, sizeof(out->tenant), "%s", ten->valuestring);
out:
	/* the tree holds copies of the token strings */
	token_json_wipe(root);
	cJSON_Delete(root);
	return rc;
}

void token_json_wipe(cJSON *o)
{
	cJSON *v;

	cJSON_ArrayForEach(v, o)
		if (cJSON_IsString(v) && v->valuestring)
			secret_wipe(v->valuestring, strlen(v->valuestring));
}

void token_reply_release(struct token_reply *r)
{
	secret_clear(&r->access);
	secret_clear(&r->refresh);
	r->expires = 0;
	r->tenant[0] = '\0';
}
