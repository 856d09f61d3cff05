/* Basic start-up facts: arguments, environment, auxv fix-ups, data
 * relocations, weak undefined symbols, partial-page zeroing before bss. */
#include "start.h"
#include "ptrtable.h"

extern int b_data;
int b_value(void);
const char *b_name(void);
long b_ptr_check(void);

extern int missing_weak_fn(void) __attribute__((weak));
extern int missing_weak_data __attribute__((weak));

extern char _DYNAMIC[];
void _start(void);

/* A relative relocation in our own data. */
static const char *self_msg = "self-relative";
static int (*fnptr)(void) = b_value;

/* Initialised data immediately followed by a large bss: the tail of the
 * last data page must read zero, and so must every bss page. */
char data_tail[333] = { 1, 2, 3 };
char big_bss[3 * 4096 + 17];
static long small_bss;

#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_ENTRY 9

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	say("argc", argc);
	for (int i = 1; i < argc; i++)
		says("arg", argv[i]);
	says("env TEST_VAR", nl_getenv("TEST_VAR"));
	say("b_value", b_value());
	say("fnptr", fnptr());
	say("b_data", b_data);
	b_data = 9;
	say("b_value after write", b_value());
	says("b_name", b_name());
	says("self_msg", self_msg);
	say("own pointers ok", pt_check());
	say("lib pointers ok", b_ptr_check());
	say("weak fn is 0", missing_weak_fn == 0);
	say("weak data is 0", &missing_weak_data == 0);

	long sum = 0;
	for (unsigned long i = 0; i < sizeof big_bss; i++)
		sum += big_bss[i];
	say("bss sum", sum + small_bss);
	/* The bytes after data_tail up to the page end are file-backed
	 * padding the loader must have zeroed. */
	unsigned long end = (unsigned long)(data_tail + sizeof data_tail);
	unsigned long page_end = (end + 4095) & ~4095UL;
	const char *p = data_tail + sizeof data_tail;
	long tail = 0;
	if ((unsigned long)big_bss >= end && (unsigned long)big_bss < page_end)
		for (; (unsigned long)p < page_end; p++)
			tail += *p;
	say("data tail zero", tail == 0);
	say("data_tail", data_tail[0] + data_tail[1] + data_tail[2]);
	big_bss[sizeof big_bss - 1] = 5;
	small_bss = 3;
	say("bss writable", big_bss[sizeof big_bss - 1] + small_bss);

	say("pagesz", nl_getauxval(AT_PAGESZ));
	say("at_entry ok", nl_getauxval(AT_ENTRY) == (unsigned long)_start);
	/* AT_PHDR/AT_PHNUM must describe this program (patchelf may have
	 * moved its headers): PT_PHDR gives the load bias, and PT_DYNAMIC
	 * plus that bias must be our own _DYNAMIC. */
	const unsigned int *ph = (const unsigned int *)nl_getauxval(AT_PHDR);
	unsigned long n = nl_getauxval(AT_PHNUM), bias = 0, dyn = 0;
	for (unsigned long i = 0; ph && i < n; i++) {
		const unsigned long *e = (const unsigned long *)(ph + 14 * i);
		if (ph[14 * i] == 6 /* PT_PHDR */)
			bias = (unsigned long)ph - e[2];
		if (ph[14 * i] == 2 /* PT_DYNAMIC */)
			dyn = e[2];
	}
	say("at_phdr ok", dyn && bias + dyn == (unsigned long)_DYNAMIC);
	say("at_phent", nl_getauxval(AT_PHENT));
	return 3;
}
