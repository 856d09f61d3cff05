/* Runtime-internal interfaces between rt/ files and the rest of the loader.
   All hidden: nothing here is part of the exported ABI. */
#ifndef RT_RT_H
#define RT_RT_H

#include <stddef.h>
#include "arch.h"
#include "tcb/tcb.h"
#include "tcb/tls.h"

/* Set to 1 by tcb/ once the thread pointer of the main thread is set; until
   then errno lives in a static and nothing may read the thread pointer. */
extern int __tp_ready;

/* The calling thread's descriptor (only when __tp_ready): tcb/ owns where
   it lies relative to the thread pointer. */
static inline struct tcb *__rt_self(void)
{
	return tcb_self();
}

/* Stores -r in errno and returns -1 when r is a negative errno value,
   otherwise returns r. */
long __rt_syscall_ret(long r);

/* Writes all of buf to fd; returns 0 or -errno.  Leaves errno alone. */
int __rt_write_all(int fd, const char *buf, size_t n);

/* The allocator under names that never resolve to an interposed malloc. */
void *__rt_malloc(size_t n);
void *__rt_calloc(size_t count, size_t size);
void *__rt_realloc(void *p, size_t n);
void __rt_free(void *p);
/* fork support: 0 = prepare (take every lock), 1 = parent (release),
   2 = child (reinitialise). */
void __malloc_atfork(int phase);
void __atexit_atfork(int phase);

/* The program's view of environ, stdout and stderr: the loader's own
   definitions, or the program's copies once its COPY relocations made them
   (__rt_copied, called by relocation; rt/copy_reloc.c). */
extern char ***__rt_environ;
extern struct _rt_FILE **__rt_stdout, **__rt_stderr;
void __rt_copied(const void *from, void *to);

/* Flushes every stream (at exit and before fork). */
void __stdio_flush_all(void);
/* fork support for the stream locks, phases as __malloc_atfork; call it
   after __stdio_flush_all, which takes the locks itself. */
void __stdio_atfork(int phase);

/* Registers the loader's finaliser (from the entry point's %rdx / x0) to run
   at exit after the atexit handlers registered later. */
void __rt_set_fini(void (*fini)(void));

/* The program name for messages (basename of argv[0]; "" before main). */
extern const char *__rt_progname;

#endif
