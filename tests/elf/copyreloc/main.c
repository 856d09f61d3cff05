/* Non-PIE, non-PIC: direct absolute references to library data force
 * COPY relocations. */
#include "start.h"
extern int shared_arr[4];
extern const int const_arr[3];
extern const char *const str_ptr;
extern long counter;
int lib_get(int i);
void lib_set(int i, int v);
long lib_bump(void);
int lib_const_sum(void);
int lib_same_object(const void *p);

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	say("initial", shared_arr[0] + shared_arr[1] * 10 + shared_arr[3] * 100);
	shared_arr[2] = 33;
	say("lib sees program write", lib_get(2));
	lib_set(1, 22);
	say("program sees lib write", shared_arr[1]);
	say("one object", lib_same_object(shared_arr));
	say("const copy", const_arr[0] + const_arr[1] + const_arr[2]);
	say("lib const", lib_const_sum());
	says("copied pointer", str_ptr);
	say("bss copy", counter);
	lib_bump();
	counter += 10;
	say("bss shared", lib_bump());
	return 0;
}
