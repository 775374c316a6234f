/*
 * When an access token expires, from whichever of the shapes the token
 * sources use (AZURE-API.md section 4):
 *
 *   expires_in  seconds from now: a number (Entra v2) or a string (IMDS)
 *   expires_on  epoch seconds: a number (Azure CLI 2.54+) or a string
 *               (IMDS, App Service 2019-08-01), or a date string
 *               "MM/dd/yyyy HH:mm:ss +00:00" (App Service 2017-09-01)
 *   expiresOn   local time without a zone, "2023-10-31 21:59:10.000000"
 *               (Azure CLI), or an ISO 8601 time with a zone
 *
 * One parser for all of them, pure apart from the local time zone.
 */
#ifndef AZMAT_EXPIRY_H
#define AZMAT_EXPIRY_H

#include <time.h>

#include "err.h"

struct cJSON;

/*
 * The expiry of the token response obj, relative to now. Tries expires_on,
 * then expiresOn, then expires_in; a value that does not parse or is out of
 * range (before 2001 or after 5138 for times, beyond a year for a duration)
 * is skipped. AZ_ERR_PARSE when none gives a time.
 */
enum az_err expiry_from_json(const struct cJSON *obj, time_t now, time_t *out /* OUT */);

/* One value: "1506484173", "11/05/2021 15:18:31 +00:00", ISO 8601, local CLI time. */
enum az_err expiry_parse_time(const char *s, time_t *out /* OUT */);

#endif
