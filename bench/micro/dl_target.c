/* The library dlopen.c loads: libc-free, so every runtime can load it. */
int bench_dl_fn(void)
{
	return 42;
}
