#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const err_text[] = {
#define AZ_ERR_TEXT(name, text) text,
	AZ_ERR_LIST(AZ_ERR_TEXT)
#undef AZ_ERR_TEXT
};

static const char *const err_name[] = {
#define AZ_ERR_NAME(name, text) #name,
	AZ_ERR_LIST(AZ_ERR_NAME)
#undef AZ_ERR_NAME
};

const char *az_strerror(enum az_err code)
{
	if ((unsigned)code >= AZ_ERR__COUNT)
		return "unknown error";
	return err_text[code];
}

const char *az_errname(enum az_err code)
{
	if ((unsigned)code >= AZ_ERR__COUNT)
		return "AZ_ERR_UNKNOWN";
	return err_name[code];
}

enum az_err errmsg_set(struct errmsg *em, enum az_err code, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!em)
		return code;
	em->code = code;
	va_start(ap, fmt);
	n = vsnprintf(em->msg, sizeof(em->msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		em->msg[0] = '\0';
	else if ((size_t)n >= sizeof(em->msg))
		memcpy(em->msg + sizeof(em->msg) - 4, "...", 4);
	return code;
}

void errmsg_clear(struct errmsg *em)
{
	if (!em)
		return;
	em->code = AZ_OK;
	em->msg[0] = '\0';
}

const char *errmsg_text(const struct errmsg *em)
{
	if (!em)
		return "";
	if (em->msg[0])
		return em->msg;
	return az_strerror(em->code);
}
