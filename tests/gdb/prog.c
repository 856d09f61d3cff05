/* Calls a function of a linked library, then one of a dlopen'ed library
   (argv[1], when given), so gdb can stop in each; with argv[2], unloads
   it and calls the linked library again. */
#include <dlfcn.h>
#include <stdio.h>

int libfunc(int x);

int main(int argc, char **argv)
{
	int r = libfunc(41);
	if (argc > 1) {
		void *h = dlopen(argv[1], RTLD_NOW);
		int (*f)(int) = h ? (int (*)(int))dlsym(h, "dlfunc") : NULL;
		if (!f) {
			printf("dlopen: %s\n", dlerror());
			return 1;
		}
		r += f(2);
		/* After the unload gdb must have dropped the library. */
		if (argc > 2) {
			dlclose(h);
			libfunc(-1);
		}
	}
	printf("result=%d\n", r);
	return 0;
}
