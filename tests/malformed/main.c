#include "start.h"
int good(void);
__thread int prog_tls = 5;
static int pv = 2;
static int *pvp = &pv;

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	say("good", good() + *pvp + prog_tls);
	return 0;
}
