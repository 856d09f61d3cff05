#include "start.h"
const char *who(void);
int who_inits(void);

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	says("who", who());
	say("inits", who_inits());
	return 0;
}
