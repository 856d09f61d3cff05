/* A dependency the IFUNC resolver of libifunc.so calls: it must already
 * be relocated when that resolver runs. */
static int base = 30;
static int *basep = &base;

int dep_choice(void)
{
	return *basep;
}
