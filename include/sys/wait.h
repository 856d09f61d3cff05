/* Waiting for child processes. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <features.h>
#include <bits/types.h>

__BEGIN_DECLS

#define WNOHANG 1
#define WUNTRACED 2

#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f)
#define WCOREDUMP(s) ((s) & 0x80)

pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);

__END_DECLS

#endif
