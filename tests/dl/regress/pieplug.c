/* A PIE executable that copies the C library's environ and stdout (COPY
   relocations on x86_64); regtest pie_plugin tries to dlopen it. */
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
