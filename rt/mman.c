/* Memory mappings. */
#include <stdarg.h>
#include <sys/mman.h>
#include <asm/unistd.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

EXPORT void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (void *)__rt_syscall_ret(__syscall6(__NR_mmap, (long)addr, (long)len, prot,
						   flags, fd, off));
}

EXPORT int munmap(void *addr, size_t len)
{
	return __rt_syscall_ret(__syscall2(__NR_munmap, (long)addr, (long)len));
}

EXPORT int mprotect(void *addr, size_t len, int prot)
{
	return __rt_syscall_ret(__syscall3(__NR_mprotect, (long)addr, (long)len, prot));
}

EXPORT int madvise(void *addr, size_t len, int advice)
{
	return __rt_syscall_ret(__syscall3(__NR_madvise, (long)addr, (long)len, advice));
}

EXPORT void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	void *addr = (flags & MREMAP_FIXED) ? va_arg(ap, void *) : NULL;
	va_end(ap);
	return (void *)__rt_syscall_ret(__syscall5(__NR_mremap, (long)old, (long)old_len,
						   (long)new_len, flags, (long)addr));
}
