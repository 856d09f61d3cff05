/* Ways to end a process: assert failure, abort, _exit and exit with odd
   statuses; what gets flushed and which status the shell sees. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	printf("buffered before %s\n", mode);
	if (!strcmp(mode, "assert"))
		assert(argc == 99);
	if (!strcmp(mode, "abort"))
		abort();
	if (!strcmp(mode, "_exit"))
		_exit(4);
	if (!strcmp(mode, "exit"))
		exit(300);
	return -1;
}
