#include "start.h"
const char *mid_who(void);

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	says("mid_who", mid_who());
	return 0;
}
