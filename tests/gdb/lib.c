/* The library gdb must find: libgdbx.so (linked) and libgdby.so (dlopen'ed)
   are both built from this file, told apart by -DDLOPENED. */
#ifdef DLOPENED
__attribute__((noinline)) int dlfunc(int x)
{
	__asm__ volatile("" ::: "memory");
	return x * 3;
}
#else
__attribute__((noinline)) int libfunc(int x)
{
	__asm__ volatile("" ::: "memory");
	return x + 1;
}
#endif
