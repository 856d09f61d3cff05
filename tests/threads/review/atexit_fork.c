/* A thread registers atexit handlers (a bounded number, spaced out); main
   forks; each child calls exit(0).  If atexit's lock was held at fork time
   the child hangs in exit(). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <pthread.h>
#include <sys/wait.h>
static void nop(void) {}
static volatile int stop;
static void *reg(void *a)
{
	(void)a;
	for (int n = 0; n < 400000 && !stop; n++) {
		atexit(nop);
		for (volatile int s = 0; s < 1500; s++)
			;
	}
	return 0;
}
int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, reg, 0);
	int hung = 0, i;
	for (i = 0; i < 3000 && !hung; i++) {
		pid_t p = fork();
		if (p == 0)
			exit(0);
		int st, ms = 0;
		while (waitpid(p, &st, WNOHANG) == 0) {
			usleep(1000);
			if (++ms == 3000) { hung = 1; kill(p, SIGKILL); waitpid(p, &st, 0); }
		}
	}
	stop = 1;
	pthread_join(t, 0);
	fprintf(stderr, "%s after %d forks\n", hung ? "HANG (child stuck in exit)" : "no hang", i);
	_exit(0);
}
