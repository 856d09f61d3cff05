/* libv.so upgraded: foo and dat get a new default version V2, the V1
 * definitions stay for old programs as hidden (non-default) versions, and
 * only_old survives only as a hidden V1 symbol. */
int foo_v1(void)
{
	return 1;
}
__asm__(".symver foo_v1, foo@V1");

int foo_v2(void)
{
	return 2;
}
__asm__(".symver foo_v2, foo@@V2");

int only_old_v1(void)
{
	return 11;
}
__asm__(".symver only_old_v1, only_old@V1");

int dat_v1 = 10;
__asm__(".symver dat_v1, dat@V1");
int dat_v2 = 20;
__asm__(".symver dat_v2, dat@@V2");

/* A new symbol in the new version. */
int newer(void)
{
	return 22;
}
