/* Thread memory: one anonymous mapping per thread, laid out from low to high
   as [guard][stack][TLS block with the TCB], so the stack grows down towards
   its guard and away from the TLS.  Mappings of joined threads are kept in a
   small cache and handed to the next thread of the same size. */
#include <errno.h>
#include <sys/mman.h>
#include <ld-rseq/thread.h>
#include "auxv/auxv.h"
#include "rt/pthread_impl.h"

#define CACHE_SLOTS 8

static struct tcb *cache[CACHE_SLOTS];
static rt_lock cache_lock = RT_LOCK_INIT;

static size_t round_up(size_t n, size_t a)
{
	return (n + a - 1) & -a;
}

static size_t page_size(void)
{
	size_t p = auxv_get(AT_PAGESZ);
	return p ? p : ARCH_PAGE_MIN;
}

/* The part of the mapping after guard and stack that holds the TLS block,
   with slack for an alignment stricter than a page. */
static size_t tls_span(size_t page)
{
	size_t align = ldrseq_tls_block_align();
	return round_up(ldrseq_tls_block_size() + (align > page ? align : 0), page);
}

static struct tcb *cache_take(size_t map_size, size_t guard)
{
	struct tcb *t = 0;
	rt_lock_take(&cache_lock);
	for (int i = 0; i < CACHE_SLOTS; i++) {
		if (cache[i] && cache[i]->map_size == map_size && cache[i]->guard_size == guard) {
			t = cache[i];
			cache[i] = 0;
			break;
		}
	}
	rt_lock_release(&cache_lock);
	return t;
}

int __pthread_stack_get(size_t stack, size_t guard, struct thread_mem *m)
{
	size_t page = page_size();
	if (stack > PTRDIFF_MAX / 2 || guard > PTRDIFF_MAX / 2)
		return EAGAIN;
	stack = round_up(stack, page);
	guard = round_up(guard, page);
	size_t size = guard + stack + tls_span(page);

	char *base;
	struct tcb *old = cache_take(size, guard);
	if (old) {
		base = old->map_base;
	} else {
		long r = __syscall6(__NR_mmap, 0, (long)size, PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
		if (r < 0 && r > -4096)
			return EAGAIN;
		base = (char *)r;
		if (guard && __syscall3(__NR_mprotect, (long)base, (long)guard, PROT_NONE) < 0) {
			__syscall2(__NR_munmap, (long)base, (long)size);
			return EAGAIN;
		}
	}
	m->base = base;
	m->size = size;
	m->guard = guard;
	m->sp = base + guard + stack;
	m->block = (void *)round_up((uintptr_t)m->sp, ldrseq_tls_block_align());
	return 0;
}

/* The thread has exited (the kernel cleared its tid), so its dynamic TLS can
   go and its memory can be reused. */
void __pthread_stack_put(struct tcb *t)
{
	ldrseq_tls_block_fini((void *)tp_from_tcb(t));
	rt_lock_take(&cache_lock);
	for (int i = 0; i < CACHE_SLOTS; i++) {
		if (!cache[i]) {
			cache[i] = t;
			t = 0;
			break;
		}
	}
	rt_lock_release(&cache_lock);
	if (t)
		__syscall2(__NR_munmap, (long)t->map_base, (long)t->map_size);
}

void __pthread_stack_atfork(int phase)
{
	rt_lock_atfork(&cache_lock, phase);
}
