/* rseq registration as the program sees it, in main and (through librseqdso)
   in a library constructor that runs before main.  See rseq_check.h. */
#include "rseq_check.h"
#include <signal.h>
#include <sys/wait.h>

/* .tdata and .tbss, one 64-byte aligned: the area must not overlap them. */
__thread int main_data = 5;
__thread char main_bss[100] __attribute__((aligned(64)));

extern __thread long dso_tls;
int dso_failures(void);

/* A write to a published constant must fault: it lives in RELRO (the
   loader's, or the program's for a COPY relocation). */
static int write_faults(volatile unsigned int *p)
{
	int st;
	pid_t c = fork();

	if (c == 0) {
		*p = 99;
		_exit(0);
	}
	return c > 0 && waitpid(c, &st, 0) == c && WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV;
}

int main(void)
{
	void *tls[] = { &main_data, main_bss, &dso_tls };
	size_t size[] = { sizeof main_data, sizeof main_bss, sizeof dso_tls };

	printf("# __rseq_offset %ld __rseq_size %u __rseq_flags %u\n",
	       (long)__rseq_offset, __rseq_size, __rseq_flags);
	rc_check("main", ".tdata image copied", main_data == 5, "main_data %d", main_data);
	rseq_checks("main", tls, size, 3, 1);
	rc_check("main", "__rseq_size is read-only", write_faults((volatile unsigned int *)&__rseq_size),
		 "the write did not fault");
	return rc_failures + dso_failures() ? 1 : 0;
}
