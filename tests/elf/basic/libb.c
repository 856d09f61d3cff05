/* The dependency of the basic programs: functions and data reached through
 * GOT/PLT, and a pointer initialised to another object's address. */
#include "ptrtable.h"

int b_data = 7;
int *b_data_ptr = &b_data;

int b_value(void)
{
	return 42 + *b_data_ptr;
}

const char *b_name(void)
{
	return "libb";
}

long b_ptr_check(void)
{
	return pt_check();
}
