/* Memory mappings. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <features.h>
#include <bits/types.h>
/* PROT_*, MAP_*, MADV_*, MREMAP_*: the kernel's values for this architecture. */
#include <linux/mman.h>

__BEGIN_DECLS

#define MAP_ANON MAP_ANONYMOUS
#define MAP_FAILED ((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int madvise(void *addr, size_t len, int advice);
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...);

__END_DECLS

#endif
