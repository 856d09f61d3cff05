/* aarch64 code built with -fstack-protector reads its canary from the global
   __stack_chk_guard: it must exist, hold a random value with a zero low byte
   (glibc's convention, so string overflows cannot copy it), and catch an
   overflow. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
extern uintptr_t __stack_chk_guard;
__attribute__((noinline)) static void smash(const char *s)
{
	char b[8];
	strcpy(b, s);
	printf("%zu\n", strlen(b));
}
int main(int argc, char **argv)
{
	printf("guard nonzero=%d lowbyte=%d\n", __stack_chk_guard != 0, (int)(__stack_chk_guard & 0xff));
	fflush(stdout);
	smash(argc > 1 ? argv[1] : "ok");
	return 0;
}
