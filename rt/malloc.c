/* The allocator.  Requests up to 128 KiB are served from size classes (four
   per power of two) whose free chunks sit on per-class lists, each with its
   own lock, carved in batches from 1 MiB regions; larger requests get their
   own mapping, returned to the kernel on free and grown with mremap.  Every
   chunk starts with a 16-byte header, so user pointers are 16-byte aligned:
     word[-1]  kind: small (class << 4 | 1), large (2) or aligned (3)
     word[-2]  large: mapping length; aligned: distance back to the chunk
   It needs no thread pointer, so the loader uses it from its first steps. */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <asm/unistd.h>
#include "rt/lock.h"
#include "rt/rt.h"
#include "rtld/ldso.h"

#define HDR 16
#define KIND_SMALL 1
#define KIND_LARGE 2
#define KIND_ALIGNED 3
#define SMALL_MAX (128 * 1024)
#define REGION (1024 * 1024)
#define PAGE 4096
#define NCLASS 47

struct free_chunk {
	struct free_chunk *next;
};

static struct {
	rt_lock lock;
	struct free_chunk *free;
} classes[NCLASS];

static rt_lock region_lock;
static char *region_cur, *region_end;

static inline size_t *words(void *p)
{
	return p;
}

/* Chunk sizes, header included: 32 to 128 in steps of 16, then four per
   power of two up to 128 KiB (160, 192, 224, 256, 320, ...). */
static size_t class_size(int k)
{
	return k < 7 ? 32 + 16 * (size_t)k : (size_t)(5 + (k - 7) % 4) << ((k - 7) / 4 + 5);
}

/* The smallest class holding total bytes, from its top bits. */
static int class_of(size_t total)
{
	if (total <= 128)
		return total <= 32 ? 0 : (int)((total + 15) >> 4) - 2;
	int e = 63 - __builtin_clzl(total - 1);
	return 7 + (e - 7) * 4 + (int)((total - 1) >> (e - 2) & 3);
}

static void *map_anon(size_t len)
{
	long r = __syscall6(__NR_mmap, 0, (long)len, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return r < 0 ? NULL : (void *)r;
}

/* Carves a batch of chunks of class k from the current region.  Out of line:
   it runs once per batch, and inlined it would slow every allocation. */
static __attribute__((noinline)) struct free_chunk *carve(int k)
{
	struct free_chunk *list = NULL;
	size_t size = class_size(k);
	int want = size <= 1024 ? 64 : size <= 16384 ? 16384 / size * 4 : 1;

	rt_lock_take(&region_lock);
	if ((size_t)(region_end - region_cur) < size) {
		/* The rest of the old region is abandoned: at most one chunk of
		   the largest class per MiB. */
		char *r = map_anon(REGION);
		if (!r) {
			rt_lock_release(&region_lock);
			return NULL;
		}
		region_cur = r;
		region_end = r + REGION;
	}
	for (; want-- && (size_t)(region_end - region_cur) >= size; region_cur += size) {
		struct free_chunk *c = (struct free_chunk *)region_cur;
		c->next = list;
		list = c;
	}
	rt_lock_release(&region_lock);
	return list;
}

/* zero: the caller wants n zero bytes.  A chunk never handed out is still
   as the region's fresh mapping left it: its kind word is 0 and its data is
   zero, so only recycled chunks are cleared. */
static void *alloc_small(size_t n, int zero)
{
	int k = class_of(n + HDR);

	rt_lock_take(&classes[k].lock);
	struct free_chunk *c = classes[k].free;
	if (!c) {
		c = carve(k);
		if (!c) {
			rt_lock_release(&classes[k].lock);
			return NULL;
		}
	}
	classes[k].free = c->next;
	rt_lock_release(&classes[k].lock);

	size_t *w = (size_t *)c;
	if (zero && w[1])
		memset(w + 2, 0, n);
	w[1] = (size_t)k << 4 | KIND_SMALL;
	return w + 2;
}

static void *alloc_large(size_t total)
{
	size_t len = (total + PAGE - 1) & ~(size_t)(PAGE - 1);
	size_t *w = map_anon(len);
	if (!w)
		return NULL;
	w[0] = len;
	w[1] = KIND_LARGE;
	return w + 2;
}

/* Fresh mappings are zero, so only small chunks may need clearing. */
static void *alloc(size_t n, int zero)
{
	if (n > PTRDIFF_MAX - 2 * PAGE) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = n + HDR <= SMALL_MAX ? alloc_small(n, zero) : alloc_large(n + HDR);
	if (!p)
		errno = ENOMEM;
	return p;
}

void *__rt_malloc(size_t n)
{
	return alloc(n, 0);
}

void __rt_free(void *p)
{
	if (!p)
		return;
	size_t *w = words(p);
	size_t kind = w[-1];

	switch (kind & 15) {
	case KIND_SMALL: {
		int k = (int)(kind >> 4);
		struct free_chunk *c = (struct free_chunk *)(w - 2);
		rt_lock_take(&classes[k].lock);
		c->next = classes[k].free;
		classes[k].free = c;
		rt_lock_release(&classes[k].lock);
		break;
	}
	case KIND_LARGE:
		__syscall2(__NR_munmap, (long)(w - 2), (long)w[-2]);
		break;
	case KIND_ALIGNED:
		__rt_free((char *)p - w[-2]);
		break;
	}
}

static size_t usable(void *p)
{
	size_t *w = words(p);
	size_t kind = w[-1];

	switch (kind & 15) {
	case KIND_SMALL:
		return class_size(kind >> 4) - HDR;
	case KIND_LARGE:
		return w[-2] - HDR;
	default:
		return usable((char *)p - w[-2]) - w[-2];
	}
}

void *__rt_calloc(size_t count, size_t size)
{
	size_t n;
	if (__builtin_mul_overflow(count, size, &n)) {
		errno = ENOMEM;
		return NULL;
	}
	return alloc(n, 1);
}

void *__rt_realloc(void *p, size_t n)
{
	if (!p)
		return __rt_malloc(n);
	if (!n) {
		__rt_free(p);
		return NULL;
	}
	size_t have = usable(p);
	size_t *w = words(p);
	if ((w[-1] & 15) == KIND_LARGE && n > SMALL_MAX - HDR && n <= PTRDIFF_MAX - 2 * PAGE) {
		size_t len = (n + HDR + PAGE - 1) & ~(size_t)(PAGE - 1);
		if (len == w[-2])
			return p;
		long r = __syscall4(__NR_mremap, (long)(w - 2), (long)w[-2], (long)len,
				    MREMAP_MAYMOVE);
		if (r < 0) {
			errno = ENOMEM;
			return NULL;
		}
		w = (size_t *)r;
		w[0] = len;
		return w + 2;
	}
	/* Keep the chunk when the request still fits and does not waste most of it. */
	if (n <= have && ((w[-1] & 15) != KIND_LARGE || n > have / 2))
		return p;
	void *q = __rt_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, n < have ? n : have);
	__rt_free(p);
	return q;
}

static void *alloc_aligned(size_t align, size_t n)
{
	if (align <= HDR)
		return __rt_malloc(n);
	if (align > PTRDIFF_MAX / 2 || n > PTRDIFF_MAX / 2 - align) {
		errno = ENOMEM;
		return NULL;
	}
	char *base = __rt_malloc(n + align);
	if (!base)
		return NULL;
	char *p = (char *)(((uintptr_t)base + align - 1) & ~(uintptr_t)(align - 1));
	if (p != base) {
		/* Both are 16-byte aligned, so the gap holds the header. */
		words(p)[-2] = p - base;
		words(p)[-1] = KIND_ALIGNED;
	}
	return p;
}

/* The exported names: a program may replace them, the loader never calls
   them (it uses the __rt_ names). */

EXPORT void *malloc(size_t n)
{
	return __rt_malloc(n);
}

EXPORT void free(void *p)
{
	__rt_free(p);
}

EXPORT void *calloc(size_t count, size_t size)
{
	return __rt_calloc(count, size);
}

EXPORT void *realloc(void *p, size_t n)
{
	return __rt_realloc(p, n);
}

EXPORT int posix_memalign(void **res, size_t align, size_t n)
{
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	int saved = errno;
	void *p = alloc_aligned(align, n);
	if (!p) {
		errno = saved;
		return ENOMEM;
	}
	*res = p;
	return 0;
}

EXPORT void *aligned_alloc(size_t align, size_t n)
{
	if (!align || (align & (align - 1))) {
		errno = EINVAL;
		return NULL;
	}
	return alloc_aligned(align, n);
}

EXPORT size_t malloc_usable_size(void *p)
{
	return p ? usable(p) : 0;
}

void __malloc_atfork(int phase)
{
	for (int k = 0; k < NCLASS; k++)
		rt_lock_atfork(&classes[k].lock, phase);
	rt_lock_atfork(&region_lock, phase);
}
