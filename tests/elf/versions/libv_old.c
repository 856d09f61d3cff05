/* libv.so as first released: everything at version V1. */
int foo(void)
{
	return 1;
}

int only_old(void)
{
	return 11;
}

int dat = 10;
