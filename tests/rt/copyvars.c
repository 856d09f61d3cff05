/* The runtime's exported variables a program may assign: with a COPY
   relocation (PIE and non-PIE programs on x86_64 both get one) the
   program's assignment lands in its copy, and getenv and printf must
   follow it, as glibc's do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
	static char *fresh[] = { "RT_NEW=2", 0 };
	char buf[128];
	int fds[2];

	printf("before: RT_TEST_VAR=%s\n", getenv("RT_TEST_VAR"));
	environ = fresh;
	printf("after environ = fresh: RT_NEW=%s RT_TEST_VAR=%s\n",
	       getenv("RT_NEW") ? getenv("RT_NEW") : "(null)",
	       getenv("RT_TEST_VAR") ? getenv("RT_TEST_VAR") : "(null)");
	fflush(stdout);

	/* printf after stdout = stderr writes to fd 2, here a pipe. */
	if (pipe(fds) || dup2(fds[1], 2) < 0)
		return 1;
	FILE *saved = stdout;
	stdout = stderr;
	printf("through stderr\n");
	stdout = saved;
	close(fds[1]);
	close(2);
	ssize_t n = read(fds[0], buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = 0;
	printf("fd 2 got: %s", buf);

	/* Exit flushes the runtime's streams, not what the program now calls
	   stdout: the buffered line is written, and a NULL stdout is no
	   stream to flush. */
	printf("buffered before stdout = NULL\n");
	stdout = NULL;
	return 0;
}
