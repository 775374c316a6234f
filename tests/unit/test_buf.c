/*
 * struct buf: growth, the hard cap, detach, formatted appends.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "t.h"

static void test_append_and_nul(void)
{
	struct buf b = BUF_INIT(1024);

	T_EQ_STR(b.data, "");
	T_EQ_INT(buf_addstr(&b, "abc"), AZ_OK);
	T_EQ_INT(buf_addch(&b, 'd'), AZ_OK);
	T_EQ_INT(buf_addf(&b, "-%d-%s", 42, "x"), AZ_OK);
	T_EQ_STR(b.data, "abcd-42-x");
	T_EQ_INT(b.len, 9);
	T_EQ_INT(b.data[b.len], '\0');
	buf_truncate(&b, 2);
	T_EQ_STR(b.data, "ab");
	buf_reset(&b);
	T_EQ_STR(b.data, "");
	buf_release(&b);
	T_EQ_STR(b.data, "");
	T_EQ_INT(b.max, 1024);
}

static void test_cap_refuses_and_keeps_content(void)
{
	struct buf b = BUF_INIT(8);

	T_EQ_INT(buf_addstr(&b, "12345678"), AZ_OK);
	T_EQ_INT(buf_addch(&b, '9'), AZ_ERR_TOOBIG);
	T_EQ_STR(b.data, "12345678");
	T_EQ_INT(buf_addf(&b, "%s", "x"), AZ_ERR_TOOBIG);
	T_EQ_INT(b.len, 8);
	buf_release(&b);
}

static void test_grows_past_initial(void)
{
	struct buf b = BUF_INIT(1 << 20);
	size_t i;

	for (i = 0; i < 10000; i++)
		T_REQUIRE(buf_addch(&b, (char)('a' + i % 26)) == AZ_OK);
	T_EQ_INT(b.len, 10000);
	T_EQ_INT(b.data[9999], 'a' + 9999 % 26);
	T_ASSERT(b.alloc > b.len);
	buf_release(&b);
}

static void test_detach(void)
{
	struct buf b = BUF_INIT(64);
	size_t n = 99;
	char *p = buf_detach(&b, &n);

	T_EQ_STR(p, "");
	T_EQ_INT(n, 0);
	free(p);
	buf_addstr(&b, "hello");
	p = buf_detach(&b, &n);
	T_EQ_STR(p, "hello");
	T_EQ_INT(n, 5);
	T_EQ_STR(b.data, "");
	T_EQ_INT(b.len, 0);
	free(p);
}

int main(void)
{
	T_RUN(test_append_and_nul);
	T_RUN(test_cap_refuses_and_keeps_content);
	T_RUN(test_grows_past_initial);
	T_RUN(test_detach);
	return t_done();
}
