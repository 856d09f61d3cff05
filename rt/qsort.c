/* qsort: a stable merge sort, so that elements comparing equal keep their
   order as they do with glibc's (which merges whenever it can allocate).
   Without memory it falls back to an in-place insertion sort, also stable. */
#include <stdlib.h>
#include <string.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

typedef int (*cmp_fn)(const void *, const void *);

static void merge_sort(char *a, char *tmp, size_t n, size_t sz, cmp_fn cmp)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_sort(a, tmp, h, sz, cmp);
	merge_sort(a + h * sz, tmp, n - h, sz, cmp);
	/* Already ordered halves need no merge. */
	if (cmp(a + (h - 1) * sz, a + h * sz) <= 0)
		return;
	char *l = a, *le = a + h * sz, *r = le, *re = a + n * sz, *o = tmp;
	while (l < le && r < re) {
		if (cmp(l, r) <= 0) {
			memcpy(o, l, sz);
			l += sz;
		} else {
			memcpy(o, r, sz);
			r += sz;
		}
		o += sz;
	}
	memcpy(o, l, le - l);
	o += le - l;
	memcpy(a, tmp, o - tmp);
}

static void swap(char *x, char *y, size_t sz)
{
	for (size_t i = 0; i < sz; i++) {
		char t = x[i];
		x[i] = y[i];
		y[i] = t;
	}
}

static void insertion_sort(char *a, size_t n, size_t sz, cmp_fn cmp)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j && cmp(a + (j - 1) * sz, a + j * sz) > 0; j--)
			swap(a + (j - 1) * sz, a + j * sz, sz);
}

EXPORT void qsort(void *base, size_t n, size_t sz, cmp_fn cmp)
{
	if (n < 2 || !sz)
		return;
	char stack_tmp[1024];
	char *tmp = n * sz <= sizeof stack_tmp ? stack_tmp : __rt_malloc(n * sz);
	if (!tmp) {
		insertion_sort(base, n, sz, cmp);
		return;
	}
	merge_sort(base, tmp, n, sz, cmp);
	if (tmp != stack_tmp)
		__rt_free(tmp);
}

EXPORT void *bsearch(const void *key, const void *base, size_t n, size_t sz, cmp_fn cmp)
{
	const char *a = base;

	while (n) {
		const char *mid = a + (n / 2) * sz;
		int c = cmp(key, mid);
		if (!c)
			return (void *)mid;
		if (c > 0) {
			a = mid + sz;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
