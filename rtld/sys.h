/* The few system calls the loader core makes, as inline wrappers. */
#ifndef RTLD_SYS_H
#define RTLD_SYS_H

#include <asm/unistd.h>
#include <linux/fcntl.h>
#include <linux/mman.h>
#include "arch.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static inline void *sys_mmap(uintptr_t addr, size_t len, int prot, int flags, int fd, uint64_t off)
{
	return (void *)__syscall6(__NR_mmap, addr, len, prot, flags, fd, off);
}

static inline int mmap_failed(void *p)
{
	return (uintptr_t)p > (uintptr_t)-4096;
}

static inline long sys_munmap(uintptr_t addr, size_t len)
{
	return __syscall2(__NR_munmap, addr, len);
}

static inline long sys_mprotect(uintptr_t addr, size_t len, int prot)
{
	return __syscall3(__NR_mprotect, addr, len, prot);
}

static inline int sys_open(const char *path, int flags)
{
	return __syscall4(__NR_openat, AT_FDCWD, (long)path, flags | O_CLOEXEC, 0);
}

static inline long sys_pread(int fd, void *buf, size_t n, uint64_t off)
{
	return __syscall4(__NR_pread64, fd, (long)buf, n, off);
}

static inline long sys_close(int fd)
{
	return __syscall1(__NR_close, fd);
}

static inline long sys_write(int fd, const void *buf, size_t n)
{
	return __syscall3(__NR_write, fd, (long)buf, n);
}

__attribute__((noreturn)) static inline void sys_exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}

#endif
