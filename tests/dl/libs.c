/* The test libraries of tests/dl, one source: dl.t builds each with
   -DLIB_<NAME> (see its build table), with gcc and with rseq-cc.  Output
   goes through stdio so it interleaves with the program's own lines. */
#include <stdio.h>

#ifdef LIB_A
/* Opened RTLD_LOCAL, later promoted to RTLD_GLOBAL. */
int provided_by_a = 1234;
int a_data = 7;
int a_func(void) { return 42; }
int a_read_data(void) { return a_data; }
#endif

#ifdef LIB_B
/* No DT_NEEDED on libdla: loads only when libdla is in the global scope. */
extern int provided_by_a;
int b_func(void) { return provided_by_a + 1; }
#endif

#if defined(LIB_C) || defined(LIB_D) || defined(LIB_E)
#if defined(LIB_C)
#define NAME "libdlc"
#elif defined(LIB_D)
#define NAME "libdld"
#else
#define NAME "libdle"
#endif
/* Reset by a fresh mapping: shows that dlopen after an unload reloads. */
static int counter;
__attribute__((constructor)) static void ctor(void) { printf("ctor %s\n", NAME); }
__attribute__((destructor)) static void dtor(void) { printf("dtor %s\n", NAME); }
#ifdef LIB_C
int e_value(void);
int c_bump(void) { return ++counter + e_value(); }
#elif defined(LIB_D)
int d_bump(void) { return ++counter; }
#else
int e_value(void) { return 1000 + counter; }
#endif
#endif

#ifdef LIB_VER
/* vfunc@VER_1 (old) and vfunc@@VER_2 (default). */
int vfunc_1(void) { return 1; }
int vfunc_2(void) { return 2; }
__asm__(".symver vfunc_1,vfunc@VER_1");
__asm__(".symver vfunc_2,vfunc@@VER_2");
#endif

#ifdef LIB_TLS
/* General-dynamic, or TLSDESC when built with the gnu2 dialect.  The .tdata
   variable first: it starts the module's block. */
__thread int tls_counter = 100;
__thread char tls_bss[64];
int *tls_counter_addr(void) { return &tls_counter; }
int tls_bump(int n)
{
	for (int i = 0; i < n; i++) {
		tls_counter++;
		tls_bss[i % 64]++;
	}
	int s = 0;
	for (int i = 0; i < 64; i++)
		s += tls_bss[i];
	return tls_counter * 1000 + s;
}
#endif

#ifdef LIB_IE
/* Initial-exec in a dlopen'ed library: needs the static TLS surplus. */
__attribute__((tls_model("initial-exec"))) __thread int ie_var = 5;
int *ie_addr(void) { return &ie_var; }
int ie_bump(void) { return ++ie_var; }
#endif

#ifdef LIB_NEXT
/* Linked into the program, which interposes lib_greet and reaches this
   definition through RTLD_NEXT. */
int lib_greet(int x) { return x * 10; }
int call_greet(int x) { return lib_greet(x); }
#endif

#ifdef LIB_UNDEF
/* Defined nowhere: dlopen must fail naming it. */
extern int no_such_symbol_xyz;
int undef_user(void) { return no_such_symbol_xyz; }
#endif
