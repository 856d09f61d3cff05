/* Data objects a non-PIE program copies into itself (R_X86_64_COPY): the
 * library must then use the program's copy. */
int shared_arr[4] = { 1, 2, 3, 4 };
const int const_arr[3] = { 7, 8, 9 };
static const char hello[] = "from lib";
const char *const str_ptr = hello;  /* relocated here, then copied */
long counter;                       /* bss in the library */

int lib_get(int i)
{
	return shared_arr[i];
}

void lib_set(int i, int v)
{
	shared_arr[i] = v;
}

long lib_bump(void)
{
	return ++counter;
}

int lib_const_sum(void)
{
	return const_arr[0] + const_arr[1] + const_arr[2];
}

int lib_same_object(const void *p)
{
	return p == (const void *)shared_arr;
}
