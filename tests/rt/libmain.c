/* Uses lib.c: constructor before main, destructors after the atexit
   handlers main registered, output flushed after both. */
#include <stdio.h>
#include <stdlib.h>

int lib_add(int x);
const char *lib_text(void);

static void bye(void)
{
	printf("atexit handler\n");
}

int main(void)
{
	atexit(bye);
	printf("main: %d %d\n", lib_add(5), lib_add(-2));
	printf("main: %s\n", lib_text());
	return 0;
}
