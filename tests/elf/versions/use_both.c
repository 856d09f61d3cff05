/* Binds both versions of foo in one program: foo@V1 explicitly, foo by
 * default (V2 at link time). */
#include "start.h"
int foo(void);
int foo_old(void);
__asm__(".symver foo_old, foo@V1");
int newer(void);

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	say("foo", foo());
	say("foo@V1", foo_old());
	say("newer", newer());
	return 0;
}
