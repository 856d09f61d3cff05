/* libv.so without any symbol versioning. */
int foo(void)
{
	return 100;
}

int dat = 1000;
