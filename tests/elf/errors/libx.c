/* libx.so: with -DFULL as the program was linked against it; without, as
 * later shipped, missing the symbols the program needs. */
int keep_fn(void)
{
	return 1;
}

#ifdef FULL
int gone_fn(void)
{
	return 2;
}

int gone_data = 3;
#endif
