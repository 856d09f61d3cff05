/* Programs linked against glibc's libc.so.6 run under glibc's own loader
   (SPEC section 7): libc.so.6 is bound to it through private data. */
#ifndef RTLD_HANDOFF_H
#define RTLD_HANDOFF_H

#ifndef GLIBC_LDSO
#define GLIBC_LDSO ARCH_GLIBC_LDSO
#endif

/* Called when the dependency walk meets libc.so.6.  At start-up it never
   returns: the process continues in glibc's loader.  Under dlopen it is an
   error. */
void dl_handoff_glibc(const char *needed);

/* Set by dl_main: the stack the program will start with. */
extern uintptr_t *dl_start_sp;
extern int dl_started;

#endif
