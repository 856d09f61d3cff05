/* Built twice (N=1, N=2): both define dup_fn and the STB_GNU_UNIQUE object
 * uniq_obj, so the first in the global scope must win for everyone.  N=1
 * also has protected symbols and an interposable one the program overrides. */
#define STR2(x) #x
#define STR(x) STR2(x)
__asm__(".data\n.globl uniq_obj\n.type uniq_obj, @gnu_unique_object\n"
	".size uniq_obj, 4\n.balign 4\nuniq_obj: .long " STR(N) "\n.text\n");
extern int uniq_obj;

int dup_fn(void)
{
	return N;
}

#define GLUE2(a, b) a##b
#define GLUE(a, b) GLUE2(a, b)
int *GLUE(uniq_addr, N)(void)
{
	return &uniq_obj;
}

int GLUE(dup_from, N)(void)
{
	return dup_fn();
}

#if N == 1
__attribute__((visibility("protected"))) int prot_fn(void)
{
	return 10;
}

__attribute__((visibility("protected"))) int prot_data = 5;

int call_prot(void)
{
	return prot_fn() + prot_data;
}

int interp_fn(void)
{
	return 20;
}

int call_interp(void)
{
	return interp_fn();
}
#endif
