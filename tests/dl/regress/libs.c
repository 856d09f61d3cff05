/* The libraries of tests/dl/regress.t, one source: each is built with
   -DLIB_<NAME> (see the table in regress.t), with gcc and with rseq-cc. */

#ifdef LIB_RELR
/* Pointers to data need RELATIVE relocations, packed into DT_RELR by
   -z pack-relative-relocs; regress.t then corrupts the first RELR word. */
static int x1, x2, x3;
int *ptrs[] = { &x1, &x2, &x3 };
__attribute__((visibility("hidden"))) int *hp[] = { &x1, &x2, &x3 };
int r_func(void) { return *hp[0]; }
#endif

#ifdef LIB_COPY
/* The executable copies this array; regress.t enlarges its st_size. */
int arr[4] = { 1, 2, 3, 4 };
#endif

#ifdef LIB_ORIGIN
/* Found only through the executable's DT_RUNPATH $ORIGIN. */
int o(void) { return 0; }
#endif

#ifdef LIB_A
/* dlopen root; its dependency libregb is opened again by soname. */
int b_func(void);
int a_only(void) { return 1 + b_func(); }
#endif

#ifdef LIB_B
int b_func(void) { return 2; }
#endif

#ifdef LIB_X
/* Big enough to be mapped where an unloaded object used to be. */
char big[1 << 20] = { 1 };
#endif

#ifdef LIB_U
/* An STB_GNU_UNIQUE object: its first definer must stay loaded. */
__asm__(".globl uvar\n.type uvar, @gnu_unique_object\n.size uvar, 4\n"
	".data\n.balign 4\nuvar: .long 42\n.text\n");
#endif

#ifdef LIB_DEP
int foo(void) { return 7; }
#endif

#ifdef LIB_LOC
/* Opened RTLD_LOCAL with libregdep as DT_NEEDED: RTLD_NEXT from here must
   search this local scope and find libregdep's foo. */
#define _GNU_SOURCE
#include <dlfcn.h>
int foo(void) { return 1; }
int call_next(void)
{
	int (*f)(void) = (int (*)(void))dlsym(RTLD_NEXT, "foo");
	return f ? f() : -1;
}
#endif

#ifdef LIB_ABS
/* An absolute symbol: its value must not be relocated by the load base. */
__asm__(".globl abs_sym\n.set abs_sym, 0x1234\n");
#endif

#ifdef LIB_NOS
/* Built without -soname. */
int nos(void) { return 3; }
#endif

#ifdef LIB_DA
/* A zero-size global symbol below a function that has no dynamic symbol. */
__asm__(".text\n.globl marker\n.type marker, @function\nmarker: ret\n");
static int __attribute__((noinline, used)) hidden_fn(int x) { return x * 3; }
void *get_hidden(void) { return (void *)hidden_fn; }
#endif

#ifdef LIB_FY
/* z is defined nowhere: dlopen with RTLD_NOW fails. */
int z(void);
int y(void) { return z(); }
#endif

#ifdef LIB_LP
/* Found through LD_LIBRARY_PATH only. */
int lp_value = 5;
#endif
