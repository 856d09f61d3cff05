/* Stream buffering, made visible by mixing stdio with direct write(2)s:
   stdout is line buffered on a terminal and fully buffered otherwise,
   stderr is unbuffered, fflush and exit flush. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void raw(const char *s)
{
	write(1, s, strlen(s));
}

int main(void)
{
	printf("stdout line 1\n");
	raw("raw 1\n");
	printf("partial, ");
	raw("raw 2\n");
	fputs("fputs line\n", stdout);
	putchar('c');
	putchar('\n');
	raw("raw 3\n");
	fprintf(stderr, "stderr line\n");
	raw("raw 4\n");
	fflush(stdout);
	raw("raw 5 after fflush\n");
	puts("puts line");
	fwrite("fwrite\n", 1, 7, stdout);
	raw("raw 6\n");
	printf("left at exit");
	return 0;
}
