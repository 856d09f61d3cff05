/* File-descriptor calls.  Only the *at and newer forms are used, since
   aarch64 lacks open, pipe, dup2 and unlink as system calls. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>
#include <asm/unistd.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

EXPORT int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & (O_CREAT | __O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __rt_syscall_ret(__syscall4(__NR_openat, dirfd, (long)path, flags | O_LARGEFILE,
					   mode));
}

EXPORT int open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & (O_CREAT | __O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return openat(AT_FDCWD, path, flags, mode);
}

EXPORT int creat(const char *path, mode_t mode)
{
	return openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

EXPORT ssize_t read(int fd, void *buf, size_t n)
{
	return __rt_syscall_ret(__syscall3(__NR_read, fd, (long)buf, (long)n));
}

EXPORT ssize_t write(int fd, const void *buf, size_t n)
{
	return __rt_syscall_ret(__syscall3(__NR_write, fd, (long)buf, (long)n));
}

EXPORT int close(int fd)
{
	long r = __syscall1(__NR_close, fd);
	/* The descriptor is gone even when close reports EINTR. */
	return r == -EINTR ? 0 : __rt_syscall_ret(r);
}

EXPORT off_t lseek(int fd, off_t off, int whence)
{
	return __rt_syscall_ret(__syscall3(__NR_lseek, fd, off, whence));
}

EXPORT int pipe(int fds[2])
{
	return __rt_syscall_ret(__syscall2(__NR_pipe2, (long)fds, 0));
}

EXPORT int dup(int fd)
{
	return __rt_syscall_ret(__syscall1(__NR_dup, fd));
}

EXPORT int dup2(int fd, int fd2)
{
	/* dup3 refuses equal descriptors; dup2 then only checks fd is open. */
	if (fd == fd2) {
		long r = __syscall3(__NR_fcntl, fd, F_GETFD, 0);
		return r < 0 ? __rt_syscall_ret(r) : fd;
	}
	long r;
	do
		r = __syscall3(__NR_dup3, fd, fd2, 0);
	while (r == -EBUSY);
	return __rt_syscall_ret(r);
}

EXPORT int unlink(const char *path)
{
	return __rt_syscall_ret(__syscall3(__NR_unlinkat, AT_FDCWD, (long)path, 0));
}

EXPORT int isatty(int fd)
{
	struct termios t;
	long r = __syscall3(__NR_ioctl, fd, TCGETS, (long)&t);
	if (r < 0) {
		__rt_syscall_ret(r == -EINVAL ? -ENOTTY : r);
		return 0;
	}
	return 1;
}
