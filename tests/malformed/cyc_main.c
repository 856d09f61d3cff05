#include "start.h"
const char *a_other(void);
const char *b_other(void);

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	says("a sees", a_other());
	says("b sees", b_other());
	return 0;
}
