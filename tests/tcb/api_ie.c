/* A block made through <ld-rseq/thread.h> before a dlopen of initial-exec
   TLS gets that module's image too, like pthread_create's threads. */
#include <dlfcn.h>
#include <ld-rseq/thread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	void *block = aligned_alloc(ldrseq_tls_block_align(), ldrseq_tls_block_size());
	char *tp = ldrseq_tls_block_init(block);
	void *h = dlopen(argc > 1 ? argv[1] : "./libie.so", RTLD_NOW);
	if (!h) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	int *(*addr)(void) = (int *(*)(void))dlsym(h, "ie_addr");
	int *mine = addr();
	ptrdiff_t off = (char *)mine - (char *)__builtin_thread_pointer();
	printf("main thread's copy: %d\n", *mine);
	printf("the other block's copy: %d\n", *(int *)(tp + off));
	ldrseq_tls_block_fini(tp);
	free(block);
	return 0;
}
