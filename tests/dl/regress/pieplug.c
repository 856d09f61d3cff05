/* A PIE executable that copies the runtime's environ and stdout (COPY
   relocations on x86_64), opened with dlopen by regtest pie_plugin. */
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

char ***plug_env(void)
{
	return &environ;
}

FILE **plug_out(void)
{
	return &stdout;
}

int main(void)
{
	return 0;
}
