/* libc-free: the program calls libfunc in libgdbx.so and exits with its
   result. */
#include "start.h"

int libfunc(int x);

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	return libfunc(41) - 40;
}
