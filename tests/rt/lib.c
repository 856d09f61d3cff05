/* A shared library with a constructor, a destructor and state: loaded by
   libmain.c to check that libraries built with rseq-cc -shared work. */
#include <stdio.h>
#include <stdlib.h>

static int counter;
static char *buf;

__attribute__((constructor)) static void lib_init(void)
{
	buf = malloc(64);
	counter = 100;
	printf("lib constructor\n");
}

__attribute__((destructor)) static void lib_fini(void)
{
	printf("lib destructor, counter %d\n", counter);
	free(buf);
}

int lib_add(int x)
{
	counter += x;
	snprintf(buf, 64, "counter=%d", counter);
	return counter;
}

const char *lib_text(void)
{
	return buf;
}
