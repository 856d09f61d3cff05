/* Built against the old libv.so: uses only_old, which the new libv.so
 * keeps only as a hidden version. */
#include "start.h"
int foo(void);
int only_old(void);
extern int dat;

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	say("foo", foo());
	say("only_old", only_old());
	say("dat", dat);
	return 0;
}
