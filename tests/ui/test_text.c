/*
 * The pure text parts of the UI: the editor (UTF-8, cursor, wrapping,
 * paste cleaning, the cap), wrapping and fitting, privacy masking, the
 * key table, search and scripts.
 */
#include <locale.h>
#include <string.h>
#include <strings.h>

#include "editor.h"
#include "keymap.h"
#include "privacy.h"
#include "script.h"
#include "strutil.h"
#include "text.h"
#include "ui_test.h"

static struct catalog *cat;

static void test_editor_utf8_and_cursor(void)
{
	struct editor e;
	int row, col;

	editor_init(&e, 64, 1);
	editor_insert(&e, "gr\xc3\xbc\xc3\x9f", 6); /* grüß */
	T_EQ_INT(e.cur, 6);
	editor_left(&e);
	editor_left(&e);
	T_EQ_INT(e.cur, 2);
	editor_insert_cp(&e, 0x00e4); /* ä */
	T_EQ_STR(editor_text(&e), "gr\xc3\xa4\xc3\xbc\xc3\x9f");
	editor_backspace(&e);
	editor_delete(&e);
	T_EQ_STR(editor_text(&e), "gr\xc3\x9f");
	editor_end(&e);
	editor_insert(&e, "\r\nline two\rthree\tx\x1b[31m\xe2\x80\xae", 27);
	T_EQ_STR(editor_text(&e), "gr\xc3\x9f\nline two\nthree x[31m");
	editor_cursor(&e, 40, &row, &col);
	T_EQ_INT(row, 2);
	T_EQ_INT(col, 11);
	editor_up(&e, 40);
	editor_cursor(&e, 40, &row, &col);
	T_EQ_INT(row, 1);
	T_EQ_INT(col, 8); /* "line two" is shorter: the end of it */
	editor_up(&e, 40);
	editor_cursor(&e, 40, &row, &col);
	T_EQ_INT(col, 3); /* the goal column is kept, clipped to "grß" */
	editor_down(&e, 40);
	editor_down(&e, 40);
	editor_cursor(&e, 40, &row, &col);
	T_EQ_INT(row, 2);
	T_EQ_INT(col, 11);
	editor_home(&e);
	editor_kill_line(&e);
	T_EQ_INT(e.cur, strlen("gr\xc3\x9f\nline two\n"));
	editor_end(&e);
	editor_kill_line(&e);
	T_EQ_STR(editor_text(&e), "gr\xc3\x9f\nline two\n");
	editor_release(&e);
}

static void test_editor_wraps_and_caps(void)
{
	struct editor e;
	struct editor_line *l;
	size_t n;
	int row, col;

	editor_init(&e, 16, 0);
	T_EQ_INT(editor_insert(&e, "a\nb", 3), 0);
	T_EQ_STR(editor_text(&e), "a b");
	T_EQ_INT(editor_insert(&e, "0123456789\xc3\xa9\xc3\xa9", 14), -1);
	T_EQ_INT(e.text.len, 15); /* the second é did not fit whole */
	T_ASSERT(utf8_valid(e.text.data, e.text.len));
	editor_release(&e);

	editor_init(&e, 1024, 1);
	editor_set(&e, "abcdefghij");
	n = editor_layout(&e, 5, &l); /* 4 cells a line, one kept for the cursor */
	T_EQ_INT(n, 3);
	T_EQ_INT(l[1].start, 4);
	free(l);
	editor_cursor(&e, 5, &row, &col);
	T_EQ_INT(row, 2);
	T_EQ_INT(col, 2);
	editor_up(&e, 5);
	T_EQ_INT(e.cur, 6);
	T_EQ_INT(e.dirty, 0);
	editor_backspace(&e);
	T_EQ_INT(e.dirty, 1);
	editor_release(&e);
}

static void test_wrap_and_fit(void)
{
	struct text_lines l = TEXT_LINES_INIT;
	int used;

	text_wrap("one two three four\n\nfive supercalifragilistic", 9, &l);
	T_EQ_INT(l.n, 8);
	T_EQ_STR(l.v[0], "one two");
	T_EQ_STR(l.v[1], "three");
	T_EQ_STR(l.v[2], "four");
	T_EQ_STR(l.v[3], "");
	T_EQ_STR(l.v[4], "five");
	T_EQ_STR(l.v[5], "supercali");
	T_EQ_STR(l.v[6], "fragilist");
	T_EQ_STR(l.v[7], "ic");
	text_lines_release(&l);
	/* a wide character never straddles the edge */
	T_EQ_INT(text_fit("ab\xe6\x97\xa5", 5, 3, &used), 2);
	T_EQ_INT(used, 2);
	T_EQ_INT(text_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4);
	/* controls and bidi overrides become visible, never raw */
	{
		struct buf b = BUF_INIT(256);
		text_clean(&b, "a\x1b[2Jb\xe2\x80\xae", 0);
		T_ASSERT(!strchr(b.data, 0x1b));
		T_ASSERT(!strstr(b.data, "\xe2\x80\xae"));
		buf_release(&b);
	}
	text_set_ascii(1);
	{
		struct buf b = BUF_INIT(256);
		text_clean(&b, "\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x93 caf\xc3\xa9", 0);
		T_EQ_STR(b.data, "\"quoted\" - caf?");
		buf_release(&b);
	}
	text_set_ascii(0);
}

static void test_privacy_masks(void)
{
	struct buf b = BUF_INIT(4096);

	privacy_mask_text(&b, NULL, NULL);
	T_EQ_STR(b.data, "");
	privacy_mask_text(&b, "tenant 72F988BF-86F1-41AF-91AB-2D7CD011DB47, mail "
			      "dana.whitfield@contoso.com. id /subscriptions/0b1f6471-1bf0-4dda-aec3-"
			      "cb9272f09590/resourceGroups/rg-prod/providers/Microsoft.Storage/"
			      "storageAccounts/stprodlogs/blobServices/default done", NULL);
	T_EQ_STR(b.data, "tenant " PRIVACY_GUID_MASK ", mail " PRIVACY_MASK ". id /subscriptions/"
			 PRIVACY_GUID_MASK "/resourceGroups/" PRIVACY_MASK
			 "/providers/Microsoft.Storage/storageAccounts/" PRIVACY_MASK
			 "/blobServices/" PRIVACY_MASK " done");
	buf_reset(&b);
	/* not GUIDs or addresses: left alone */
	privacy_mask_text(&b, "1a.1 at 2027-06-30, 72f988bf-86f1 and a@b and "
			      "x0b1f6471-1bf0-4dda-aec3-cb9272f09590", NULL);
	T_EQ_STR(b.data, "1a.1 at 2027-06-30, 72f988bf-86f1 and a@b and "
			 "x0b1f6471-1bf0-4dda-aec3-cb9272f09590");
	buf_reset(&b);
	privacy_mask_name(&b, "Dana Whitfield");
	T_EQ_STR(b.data, PRIVACY_MASK);
	buf_reset(&b);
	privacy_mask_name(&b, "");
	T_EQ_STR(b.data, "");
	buf_release(&b);
}

/* The tenant's own names, as plain words in free text, less the roadmap's words. */
static void test_privacy_names(void)
{
	struct strmap common = STRMAP_INIT, names = STRMAP_INIT;
	struct buf b = BUF_INIT(4096);

	privacy_words_add(&common, "Limit who holds Global Administrator; review every policy.");
	privacy_names_add(&names, "kv-legacy", &common);
	privacy_names_add(&names, "Chiara Okafor", &common);
	privacy_names_add(&names, "Global Administrator", &common); /* a role: the roadmap's words */
	privacy_names_add(&names, "Custom 1", &common);             /* too short, or no letter */
	privacy_names_add(&names, "app-0 42 x1", &common);
	privacy_names_add(&names, "Zo\xc3\xab M\xc3\xbcller", &common);
	T_ASSERT(strmap_has(&names, "kv-legacy") && strmap_has(&names, "okafor"));
	T_ASSERT(!strmap_has(&names, "Global") && !strmap_has(&names, "42"));
	T_ASSERT(strmap_has(&names, "Custom") && strmap_has(&names, "app-0"));
	privacy_mask_text(&b, "KV-Legacy. has no purge protection; chiara's team (Okafor) will fix "
			      "kv-legacy-2 and app-0 before the Global Administrator review. "
			      "Ask Zo\xc3\xab.", &names);
	T_EQ_STR(b.data, PRIVACY_MASK ". has no purge protection; " PRIVACY_MASK "'s team ("
			 PRIVACY_MASK ") will fix kv-legacy-2 and " PRIVACY_MASK
			 " before the Global Administrator review. Ask " PRIVACY_MASK ".");
	buf_reset(&b);
	/* identifiers inside a known word's text are still masked as before */
	privacy_mask_text(&b, "Okafor@contoso.example kv-legacy/x", &names);
	T_EQ_STR(b.data, PRIVACY_MASK " " PRIVACY_MASK "/x");
	buf_release(&b);
	strmap_release(&names, NULL);
	strmap_release(&common, NULL);
}

static void test_key_table(void)
{
	enum ui_context ctx[] = { CTX_ITEM, CTX_LIST, CTX_GLOBAL };
	struct ui_input in;
	size_t i, j;
	char name[32];

	/* the answer keys agree with the catalog's answer scale */
	for (i = 0; i < ANSWER__COUNT; i++) {
		T_REQUIRE(cat->answers[i].key);
		T_EQ_INT(keymap_lookup(keymap_key_parse(cat->answers[i].key), ctx, 3, &in), 0);
		T_EQ_INT(in.act, ACT_ANSWER_NOT_STARTED + (int)i);
	}
	/* no key is bound twice in one context, and every name parses back */
	for (i = 0; i < ui_nkeymap; i++) {
		for (j = i + 1; j < ui_nkeymap; j++)
			T_ASSERT(ui_keymap[i].ctx != ui_keymap[j].ctx || ui_keymap[i].key != ui_keymap[j].key);
		keymap_key_name(ui_keymap[i].key, name, sizeof(name));
		T_EQ_INT(keymap_key_parse(name), ui_keymap[i].key);
	}
	/* the item context shadows the assessments' n (new) with n (not applicable) */
	T_EQ_INT(keymap_lookup('n', ctx, 3, &in), 0);
	T_EQ_INT(in.act, ACT_ANSWER_NA);
	{
		enum ui_context text[] = { CTX_EDITOR, CTX_TEXT };
		T_EQ_INT(keymap_lookup('j', text, 2, &in), 0);
		T_EQ_INT(in.act, ACT_CHAR);
		T_EQ_INT(keymap_lookup(UK_ESC, text, 2, &in), 0);
		T_EQ_INT(in.act, ACT_SUBMIT); /* leaving the editor keeps the note */
	}
	for (i = 0; i < ACT__COUNT; i++)
		T_EQ_INT(ui_action_parse(ui_action_name((enum ui_action)i)), i);
}

/* word (lower case) in s, ignoring ASCII case */
static int has_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (; *s; s++)
		if (!strncasecmp(s, word, n))
			return 1;
	return 0;
}

static void test_search_and_scripts(void)
{
	struct search_hits h = SEARCH_HITS_INIT;
	struct script_cmd c;
	struct errmsg em = ERRMSG_INIT;
	size_t i;

	search_run(cat, "KEY vault", &h);
	T_ASSERT(h.n > 0);
	for (i = 0; i < h.n; i++)
		T_ASSERT(has_word(search_hit_text(&h.v[i]), "vault"));
	search_run(cat, "   ", &h);
	T_EQ_INT(h.n, 0);
	search_run(cat, "4a", &h);
	T_EQ_STR(h.v[0].item->id, "4a");
	search_hits_release(&h);

	memset(&c, 0, sizeof(c));
	T_EQ_INT(script_parse("type two\\nlines \\\\ ok", &c, &em), AZ_OK);
	T_EQ_INT(c.in.act, ACT_TYPE);
	T_EQ_STR(c.in.text, "two\nlines \\ ok");
	script_cmd_release(&c);
	T_EQ_INT(script_parse("resize 132 43", &c, &em), AZ_OK);
	T_EQ_INT(c.in.x, 132);
	T_EQ_INT(c.in.y, 43);
	T_EQ_INT(script_parse("key Ctrl-S", &c, &em), AZ_OK);
	T_EQ_INT(c.key, UK_CTRL_S);
	T_EQ_INT(script_parse("  # comment", &c, &em), AZ_OK);
	T_EQ_INT(c.kind, SCRIPT_SKIP);
	T_EQ_INT(script_parse("fly away", &c, &em), AZ_ERR_PARSE);
	T_EQ_INT(script_parse("down 3", &c, &em), AZ_ERR_PARSE);
	T_EQ_INT(script_parse("step 10", &c, &em), AZ_ERR_PARSE);
	T_EQ_INT(script_parse("key NoSuchKey", &c, &em), AZ_ERR_PARSE);
}

int main(void)
{
	setlocale(LC_ALL, "");
	cat = ut_catalog();
	T_RUN(test_editor_utf8_and_cursor);
	T_RUN(test_editor_wraps_and_caps);
	T_RUN(test_wrap_and_fit);
	T_RUN(test_privacy_masks);
	T_RUN(test_privacy_names);
	T_RUN(test_key_table);
	T_RUN(test_search_and_scripts);
	catalog_free(&cat);
	return t_done();
}
