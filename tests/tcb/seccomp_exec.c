/* seccomp_exec ERRNO[,getcpu][,statx] PROG ARGS...: runs PROG with rseq(2)
   denied by a seccomp filter returning ERRNO (ENOSYS or EPERM), as container
   runtimes and sandboxes do; with ",getcpu" getcpu(2) is denied too (ENOSYS),
   so only the vDSO can tell the CPU; with ",statx" statx(2) is (ENOSYS), as
   before Linux 4.11.  Built with gcc against glibc. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: seccomp_exec ENOSYS|EPERM PROG ARGS...\n");
		return 2;
	}
	unsigned err = !strncmp(argv[1], "EPERM", 5) ? EPERM : ENOSYS;
	long getcpu_nr = strstr(argv[1], ",getcpu") ? SYS_getcpu : -1;
	long statx_nr = strstr(argv[1], ",statx") ? SYS_statx : -1;
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_rseq, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | err),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)getcpu_nr, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)statx_nr, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof f / sizeof f[0], f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog)) {
		perror("seccomp_exec: prctl");
		return 2;
	}
	execv(argv[2], argv + 2);
	perror("seccomp_exec: execv");
	return 2;
}
