/* libc-free: calls into libdiag1.so and libdiag2.so. */
#include "start.h"

int diag1(int x);
int diag2(int x);

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	say("diag1", diag1(4));
	say("diag2", diag2(5));
	return 0;
}
