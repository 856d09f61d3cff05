/* Calls foo and reads dat at whatever version the link chose. */
#include "start.h"
int foo(void);
extern int dat;

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	say("foo", foo());
	say("dat", dat);
	return 0;
}
