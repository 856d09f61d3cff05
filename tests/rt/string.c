/* The <string.h> functions on edge cases: every offset and length around
   word boundaries, overlapping moves, signed comparisons, tokenising. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static unsigned sum(const unsigned char *p, size_t n)
{
	unsigned h = 0;
	for (size_t i = 0; i < n; i++)
		h = h * 31 + p[i];
	return h;
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

int main(void)
{
	static unsigned char a[300], b[300];
	unsigned h = 0;

	for (size_t off = 0; off < 9; off++)
		for (size_t n = 0; n < 80; n++) {
			for (size_t i = 0; i < sizeof a; i++)
				a[i] = (unsigned char)(i * 13 + 1), b[i] = 0;
			memcpy(b + off, a + 3, n);
			h = h * 7 + sum(b, sizeof b);
			memset(b + off, (int)n, n);
			h = h * 7 + sum(b, sizeof b);
			memmove(a + off, a + 8, n);   /* overlapping, both directions */
			memmove(a + 20, a + 20 - off, n);
			h = h * 7 + sum(a, sizeof a);
		}
	printf("mem hash %u\n", h);

	char s[128];
	int bad = 0;
	for (size_t off = 0; off < 16; off++)
		for (size_t n = 0; n < 100; n++) {
			memset(s, 'x', sizeof s);
			s[off + n] = 0;
			bad += strlen(s + off) != n;
			bad += strnlen(s + off, n / 2) != n / 2;
			bad += strchr(s + off, 0) != s + off + n;
			bad += memchr(s + off, 0, 128 - off) != s + off + n;
		}
	printf("strlen family: %d bad\n", bad);

	unsigned char x[4] = { 'a', 0x80, 0, 0 }, y[4] = { 'a', 0x7f, 0, 0 };
	printf("memcmp %d %d %d\n", sign(memcmp(x, y, 2)), sign(memcmp(y, x, 2)), memcmp(x, x, 4));
	printf("strcmp %d %d %d %d\n", sign(strcmp((char *)x, (char *)y)), sign(strcmp("abc", "abd")),
	       strcmp("", ""), sign(strcmp("ab", "abc")));
	printf("strncmp %d %d %d\n", strncmp("abcX", "abcY", 3), sign(strncmp("abcX", "abcY", 4)),
	       strncmp("a", "b", 0));
	printf("strcasecmp %d %d %d\n", strcasecmp("HeLLo", "hello"), sign(strcasecmp("a", "B")),
	       sign(strncasecmp("abcD", "ABCe", 4)));

	char d[64];
	strcpy(d, "hello");
	strcat(d, ", ");
	strncat(d, "world!!!", 5);
	printf("[%s] %zu\n", d, strlen(d));
	printf("[%s]\n", stpcpy(d, "abc") - 3);
	memset(d, 'Q', sizeof d);
	strncpy(d, "ab", 6);
	printf("strncpy %d %d %d %c\n", d[0], d[2], d[5], d[6]);
	strncpy(d, "abcdefgh", 3);
	printf("strncpy no terminator: %c%c%c %d\n", d[0], d[1], d[2], d[3]);

	const char *hay = "the quick brown fox jumps over the lazy dog";
	printf("strchr %s|strrchr %s|strstr %s|strstr-miss %p|strstr-empty %s\n", strchr(hay, 'q'),
	       strrchr(hay, 'o'), strstr(hay, "the lazy"), (void *)strstr(hay, "cat"),
	       strstr(hay, ""));
	printf("strchr-nul %d strrchr-nul %d strchr-miss %p\n", (int)(strchr(hay, 0) - hay),
	       (int)(strrchr(hay, 0) - hay), (void *)strchr(hay, 'Z'));
	printf("strspn %zu strcspn %zu %zu strpbrk %s\n", strspn(hay, "the "), strcspn(hay, "xyz"),
	       strcspn(hay, ""), strpbrk(hay, "zyx"));

	char tok[] = "  alpha,beta;;gamma , delta  ";
	char *save, *t;
	for (t = strtok_r(tok, " ,;", &save); t; t = strtok_r(NULL, " ,;", &save))
		printf("tok [%s]\n", t);
	char tok2[] = "a:b::c";
	for (t = strtok(tok2, ":"); t; t = strtok(NULL, ":"))
		printf("strtok [%s]\n", t);

	char *dup = strdup("duplicate me");
	char *ndup = strndup("duplicate me", 4);
	char *ndup2 = strndup("ab", 10);
	printf("%s|%s|%s\n", dup, ndup, ndup2);
	free(dup);
	free(ndup);
	free(ndup2);

	for (int e = 0; e < 134; e++)
		printf("%d %s\n", e, strerror(e));
	printf("%s\n", strerror(-1));
	printf("%s\n", strerror(1000));
	return 0;
}
