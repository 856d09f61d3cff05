/* qsort (with equal keys: the order must be glibc's stable one), bsearch,
   getenv, ctype, errno from system calls, atexit order and exit flushing. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

struct item {
	int key;
	int seq;
};

static int by_key(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	return (x->key > y->key) - (x->key < y->key);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

extern char **environ;

static void h1(void) { printf("atexit 1\n"); }
static void h2(void) { printf("atexit 2\n"); }
static void h3(void)
{
	printf("atexit 3 registers 1 again\n");
	atexit(h1);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc;
	/* A copy relocation of environ in the program must see the real value. */
	printf("environ is envp: %d\n", environ == envp);
	unsigned long r = 1;
	static struct item items[5000];
	for (int i = 0; i < 5000; i++) {
		r = r * 1103515245 + 12345;
		items[i].key = (int)(r >> 16) % 50;
		items[i].seq = i;
	}
	qsort(items, 5000, sizeof *items, by_key);
	unsigned long h = 0;
	for (int i = 0; i < 5000; i++)
		h = h * 31 + (unsigned)items[i].key * 7919 + (unsigned)items[i].seq;
	printf("qsort stable hash %lu\n", h);

	int nums[] = { 5, -3, 9, 0, 2147483647, -2147483647 - 1, 9, 1 };
	qsort(nums, 8, sizeof *nums, cmp_int);
	for (int i = 0; i < 8; i++)
		printf("%d ", nums[i]);
	putchar('\n');
	int key = 9, miss = 4;
	int *hit = bsearch(&key, nums, 8, sizeof *nums, cmp_int);
	printf("bsearch %d %p\n", hit ? *hit : -1, bsearch(&miss, nums, 8, sizeof *nums, cmp_int));
	char *words[] = { "pear", "apple", "fig", "banana", "apple" };
	qsort(words, 5, sizeof *words, cmp_str);
	for (int i = 0; i < 5; i++)
		printf("%s ", words[i]);
	putchar('\n');
	qsort(NULL, 0, 4, cmp_int);

	printf("getenv RT_TEST_VAR=[%s] missing=%p empty=[%s] prefix=%p eq=%p\n",
	       getenv("RT_TEST_VAR"), (void *)getenv("RT_TEST_NOPE"), getenv("RT_TEST_EMPTY"),
	       (void *)getenv("RT_TEST"), (void *)getenv("RT_TEST_VAR=x"));
	printf("argv0 basename: %s\n", strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0]);

	for (int c = -1; c < 256; c++) {
		int m = !!isalnum(c) | !!isalpha(c) << 1 | !!isblank(c) << 2 | !!iscntrl(c) << 3 |
			!!isdigit(c) << 4 | !!isgraph(c) << 5 | !!islower(c) << 6 |
			!!isprint(c) << 7 | !!ispunct(c) << 8 | !!isspace(c) << 9 |
			!!isupper(c) << 10 | !!isxdigit(c) << 11;
		printf("%d:%x:%d:%d ", c, m, tolower(c), toupper(c));
	}
	putchar('\n');

	errno = 0;
	int fd = open("/nonexistent/file", O_RDONLY);
	printf("open missing: %d errno %d %s\n", fd, errno, strerror(errno));
	errno = 0;
	printf("close(-1): %d errno %d\n", close(-1), errno);
	errno = 0;
	printf("write to bad fd: %zd errno %d\n", write(99, "x", 1), errno);
	int p[2];
	if (pipe(p) == 0) {
		write(p[1], "pipe ok", 7);
		char b[16] = { 0 };
		read(p[0], b, sizeof b - 1);
		printf("%s\n", b);
	}
	printf("lseek on pipe: %ld errno %d\n", (long)lseek(p[0], 0, SEEK_SET), errno);

	errno = 0;
	printf("getauxval: pagesz %lu, missing %lu errno %d\n", getauxval(AT_PAGESZ),
	       getauxval(9999), errno);
	printf("sysconf: page %ld online cpus %ld, bad name %ld errno %d\n", sysconf(_SC_PAGESIZE),
	       sysconf(_SC_NPROCESSORS_ONLN), sysconf(-5), errno);
	printf("getpid %d\n", getpid() == (int)getauxval(AT_PAGESZ) ? 0 : getpid() > 0);

	atexit(h1);
	atexit(h2);
	atexit(h3);
	printf("unterminated line flushed at exit");
	exit(3);
}
