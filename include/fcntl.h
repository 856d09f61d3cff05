/* open() and its flags (the kernel's values for this architecture). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <features.h>
#include <bits/types.h>
#include <asm/fcntl.h>

#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_EMPTY_PATH 0x1000

__BEGIN_DECLS
int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
__END_DECLS

#endif
