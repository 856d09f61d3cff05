/* libwho.so: built once per directory with WHO naming the directory, so
 * the program can tell which copy the loader found.  Its constructor
 * counts how often the object was initialised (once, if de-duplicated). */
static int inits;

__attribute__((constructor)) static void count_init(void)
{
	inits++;
}

const char *who(void)
{
	return WHO;
}

int who_inits(void)
{
	return inits;
}
