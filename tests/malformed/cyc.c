/* liba.so <-> libb.so need each other: a legal dependency cycle. */
#include "nolibc.h"
const char *OTHER(void);

const char *SELF(void)
{
	return NAME;
}

const char *GLUE(void)
{
	return OTHER();
}

__attribute__((constructor)) static void init(void)
{
	put("init " NAME "\n");
}
