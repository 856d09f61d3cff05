/* The <ld-rseq/thread.h> interface, on the main thread: a block laid out
   for a new thread is a faithful copy of the TLS images with a fresh rseq
   area and the guards; the main thread can unregister and register again. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ld-rseq/rseq.h>
#include <ld-rseq/thread.h>

__thread int data = 42;
__thread char bss[256] __attribute__((aligned(64)));

static int failures;
#define CHECK(name, cond, ...) do { \
	if (cond) printf("PASS: %s\n", name); \
	else { printf("FAIL: %s: ", name); printf(__VA_ARGS__); printf("\n"); failures++; } \
} while (0)

int main(void)
{
	size_t size = ldrseq_tls_block_size(), align = ldrseq_tls_block_align();
	char *me = __builtin_thread_pointer();

	CHECK("block alignment is a power of two >= 32", align >= 32 && !(align & (align - 1)),
	      "align %zu", align);
	memset(bss, 0x5a, sizeof bss);
	data = 7; /* the new block must get the image, not this thread's value */
	char *raw = malloc(size + align);
	char *block = (char *)(((uintptr_t)raw + align - 1) & -(uintptr_t)align);
	memset(block, 0xa5, size);
	char *tp = ldrseq_tls_block_init(block);

	int *ndata = (int *)(tp + ((char *)&data - me));
	char *nbss = tp + (bss - me);
	unsigned char *area = (unsigned char *)tp + __rseq_offset;
	CHECK("thread pointer, TLS copies and rseq area inside the block, aligned",
	      tp >= block && tp < block + size && (uintptr_t)tp % align == 0 &&
	      (char *)ndata >= block && (char *)(ndata + 1) <= block + size &&
	      nbss >= block && nbss + sizeof bss <= block + size &&
	      (char *)area >= block && (char *)area + 32 <= block + size,
	      "tp %p block %p size %zu", (void *)tp, (void *)block, size);
#if defined __x86_64__
	/* The x86_64 TCB ABI: %fs:0 self, %fs:0x28 stack guard, %fs:0x30 pointer guard. */
	CHECK("%fs:0 self pointer", *(char **)tp == tp, "%p", *(void **)tp);
	CHECK("stack guard copied", ((uintptr_t *)tp)[5] == ((uintptr_t *)me)[5] &&
	      ((uintptr_t *)tp)[5] != 0, "%#lx", (unsigned long)((uintptr_t *)tp)[5]);
	CHECK("pointer guard copied", ((uintptr_t *)tp)[6] == ((uintptr_t *)me)[6], "%#lx",
	      (unsigned long)((uintptr_t *)tp)[6]);
#endif
	int zero = 1;
	for (size_t i = 0; i < sizeof bss; i++)
		zero &= nbss[i] == 0;
	CHECK(".tdata image copied", *ndata == 42, "%d", *ndata);
	CHECK(".tbss zeroed", zero, "nonzero byte");
	int rest0 = 1;
	for (int i = 8; i < 32; i++)
		rest0 &= area[i] == 0;
	/* A process without rseq marks new threads as failed up front. */
	int32_t want = __rseq_size ? RSEQ_CPU_ID_UNINITIALIZED : RSEQ_CPU_ID_REGISTRATION_FAILED;
	CHECK("rseq area: cpu_id UNINITIALIZED (REGISTRATION_FAILED without rseq), rest zero",
	      ((int32_t *)area)[1] == want && ((int32_t *)area)[0] == 0 && rest0,
	      "cpu_id %d", ((int32_t *)area)[1]);
	ldrseq_tls_block_fini(tp);
	free(raw);

	if (!__rseq_size) {
		CHECK("register without rseq in the process: -EOPNOTSUPP, cpu_id -2",
		      ldrseq_rseq_register() == -EOPNOTSUPP && ldrseq_area()->cpu_id == (uint32_t)-2,
		      "other");
		return failures != 0;
	}
	CHECK("register on a registered thread: -EBUSY", ldrseq_rseq_register() == -EBUSY, "other");
	int u = ldrseq_rseq_unregister();
	CHECK("unregister", u == 0, "%d", u);
	CHECK("unregister again: -EINVAL", ldrseq_rseq_unregister() == -EINVAL, "other");
	int r = ldrseq_rseq_register();
	CHECK("register again", r == 0 && ldrseq_cpu_id() >= 0, "%d, cpu_id %d", r, ldrseq_cpu_id());
	return failures != 0;
}
