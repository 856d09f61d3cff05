/* POSIX process and file-descriptor calls. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <features.h>
#include <bits/types.h>

__BEGIN_DECLS

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84

extern char **environ;

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
off_t lseek(int fd, off_t off, int whence);
int pipe(int fds[2]);
int dup(int fd);
int dup2(int fd, int fd2);
int unlink(const char *path);
__rt_noreturn void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
pid_t fork(void);
int usleep(useconds_t usec);
unsigned sleep(unsigned sec);
long syscall(long nr, ...);
long sysconf(int name);
int getpagesize(void);
int isatty(int fd);

__END_DECLS

#endif
