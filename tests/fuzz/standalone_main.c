/*
 * Replays every file of the corpus folders (or files) named on the command
 * line through LLVMFuzzerTestOneInput, so that the corpus runs as an
 * ordinary test under the sanitizers (the libgit2 / cJSON standalone driver
 * idea). Exits non-zero when a folder is missing or empty: a corpus that
 * replays nothing tests nothing.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!f) {
		perror(path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n > 0 ? (size_t)n : 1);
	if (!buf || (n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n)) {
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv)
{
	int i, total = 0;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st)) {
			perror(argv[i]);
			return 2;
		}
		if (S_ISDIR(st.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *e;
			char **names = NULL;
			size_t n = 0, k;
			while (d && (e = readdir(d))) {
				if (e->d_name[0] == '.')
					continue;
				names = realloc(names, (n + 1) * sizeof(*names));
				names[n++] = strdup(e->d_name);
			}
			if (d)
				closedir(d);
			qsort(names, n, sizeof(*names), cmp);
			for (k = 0; k < n; k++) {
				char path[4096];
				snprintf(path, sizeof(path), "%s/%s", argv[i], names[k]);
				if (run_file(path))
					return 2;
				total++;
				free(names[k]);
			}
			free(names);
		} else {
			if (run_file(argv[i]))
				return 2;
			total++;
		}
	}
	if (!total) {
		fprintf(stderr, "no corpus files replayed\n");
		return 2;
	}
	printf("replayed %d inputs\n", total);
	return 0;
}
