/* A program linked against glibc: ld-rseq hands it to glibc's loader in
   process, so everything it sees must be what glibc's loader alone gives:
   argv, environment, AT_BASE pointing at glibc's loader, glibc's rseq
   state, its exit status. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/rseq.h>

int main(int argc, char **argv)
{
	Dl_info info;
	void *f = dlsym(RTLD_DEFAULT, "__tls_get_addr");

	for (int i = 1; i < argc; i++)
		printf("arg %d: %s\n", i, argv[i]);
	printf("env: %s\n", getenv("A64_TEST") ? getenv("A64_TEST") : "(none)");
	printf("AT_BASE is glibc's loader: %d\n",
	       f && dladdr(f, &info) && (unsigned long)info.dli_fbase == getauxval(AT_BASE));
	printf("rseq_size=%u\n", __rseq_size);
	return 7;
}
