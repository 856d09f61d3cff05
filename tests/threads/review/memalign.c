#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <errno.h>
int main(void)
{
	size_t big = (size_t)1 << 63;
	void *p = (void *)1;
	int r = posix_memalign(&p, big, big);
	printf("posix_memalign(2^63, 2^63) = %d p=%p\n", r, r ? 0 : p);
	errno = 0;
	void *q = aligned_alloc(big, big - 64);
	printf("aligned_alloc(2^63, 2^63-64) = %p errno=%d\n", q, errno);
	fflush(stdout);
	return 0;
}
