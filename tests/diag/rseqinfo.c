/* Prints the published rseq ABI (SPEC 4), to hold LD_DEBUG=rseq to it;
   with an argument, also calls into libdiag1.so. */
#include <stdio.h>
#include <sys/rseq.h>

int diag1(int x);

int main(int argc, char **argv)
{
	(void)argv;
	printf("rseq_size=%u\n", __rseq_size);
	printf("rseq_offset=%ld\n", (long)__rseq_offset);
	if (argc > 1)
		printf("diag1=%d\n", diag1(1));
	return 0;
}
