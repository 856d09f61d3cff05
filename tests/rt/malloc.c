/* Allocation patterns: many sizes, realloc growth and shrinking, calloc
   zeroing, aligned allocation, interleaved frees.  Every block is filled
   with a pattern and checked, and only content-derived results are printed,
   so the output is the same under any correct allocator. */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long rng = 12345;
static unsigned rnd(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7);
}

static int check(const unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(seed + i * 7))
			return 0;
	return 1;
}

#define N 4000

int main(void)
{
	static unsigned char *blk[N];
	static size_t len[N];
	int bad = 0;

	/* Sizes from 0 to 1 MiB, every block 16-byte aligned and intact. */
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < N; i++) {
			unsigned r = rnd();
			len[i] = r % 8 == 0 ? r % 300000 : r % 8 == 1 ? r % 5000 : r % 200;
			blk[i] = malloc(len[i]);
			if (!blk[i] || (uintptr_t)blk[i] % 16)
				bad++;
			fill(blk[i], len[i], i + round);
		}
		for (int i = 0; i < N; i += 2) {
			bad += !check(blk[i], len[i], i + round);
			free(blk[i]);
		}
		for (int i = 1; i < N; i += 2) {
			bad += !check(blk[i], len[i], i + round);
			free(blk[i]);
		}
	}
	printf("random sizes: %d bad\n", bad);

	/* realloc keeps the prefix while growing through every size range. */
	unsigned char *p = NULL;
	size_t n = 0;
	bad = 0;
	for (size_t want = 1; want < (8u << 20); want = want * 3 / 2 + 1) {
		p = realloc(p, want);
		if (!p) {
			bad++;
			break;
		}
		bad += !check(p, n, 3);
		fill(p, want, 3);
		n = want;
	}
	for (; n > 1; n /= 3) {
		p = realloc(p, n);
		bad += !check(p, n, 3);
	}
	free(p);
	printf("realloc growth and shrink: %d bad\n", bad);
	printf("realloc(NULL) works: %d\n", (p = realloc(NULL, 10)) != NULL);
	free(p);

	/* calloc zeroes, even when memory is reused. */
	bad = 0;
	for (int i = 0; i < 200; i++) {
		size_t sz = (size_t)rnd() % 70000;
		unsigned char *q = malloc(sz);
		memset(q, 0xa5, sz);
		free(q);
		q = calloc(1, sz);
		for (size_t k = 0; k < sz; k++)
			bad += q[k] != 0;
		free(q);
	}
	printf("calloc zeroed: %d bad\n", bad);
	errno = 0;
	volatile size_t big = (size_t)1 << 40;
	void *huge = calloc(big, big);
	printf("calloc overflow: %s errno=%d\n", huge ? "non-null" : "null", errno);
	errno = 0;
	huge = malloc(big * big / 2 + ((size_t)-1 / 2));
	printf("malloc huge: %s errno=%d\n", huge ? "non-null" : "null", errno);

	/* Aligned allocations. */
	bad = 0;
	for (size_t al = 8; al <= 65536; al *= 2)
		for (int k = 0; k < 20; k++) {
			void *a = NULL;
			size_t sz = (size_t)rnd() % 3000 + 1;
			int r = posix_memalign(&a, al, sz);
			if (r || (uintptr_t)a % al)
				bad++;
			fill(a, sz, 9);
			void *b = aligned_alloc(al, sz);
			if (!b || (uintptr_t)b % al)
				bad++;
			fill(b, sz, 10);
			bad += !check(a, sz, 9) || !check(b, sz, 10);
			if (malloc_usable_size(a) < sz || malloc_usable_size(b) < sz)
				bad++;
			b = realloc(b, sz * 2);
			bad += !check(b, sz, 10);
			free(a);
			free(b);
		}
	printf("aligned: %d bad\n", bad);
	void *a = NULL;
	printf("posix_memalign(3): %d\n", posix_memalign(&a, 3, 10));
	printf("posix_memalign(4): %d\n", posix_memalign(&a, 4, 10));

	/* Many small live blocks, then freed in reverse. */
	bad = 0;
	static void *small[100000];
	for (int i = 0; i < 100000; i++) {
		small[i] = malloc(i % 64 + 1);
		memset(small[i], i & 0xff, i % 64 + 1);
	}
	for (int i = 99999; i >= 0; i--) {
		unsigned char *s = small[i];
		for (int k = 0; k <= i % 64; k++)
			bad += s[k] != (i & 0xff);
		free(s);
	}
	printf("small blocks: %d bad\n", bad);
	printf("free(NULL) ok\n");
	free(NULL);
	return 0;
}
