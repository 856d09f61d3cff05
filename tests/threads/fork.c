/* fork: the child gets a copy of the parent's memory, only the forking
   thread, working runtime locks, its own tid, and keeps its rseq
   registration.  Output is flushed before each fork, so buffering policy
   does not change what is printed. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <errno.h>

static int data = 10;
static char *heap;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static volatile int stop;

/* Busy threads that allocate, print to a string and create threads while
   the main thread forks, so the runtime's locks are in use at fork time.  (The program's
   own mutex may be held by one of them at fork: the child leaves it alone.) */
static void *child_thread(void *arg);
static int create_while_forking = 1;

static void *busy(void *arg)
{
	char buf[64];
	while (!stop) {
		if ((long)arg == 3 && create_while_forking) {
			/* Thread creation takes the thread list, stack cache and TLS
			   locks. */
			pthread_t t;
			if (pthread_create(&t, 0, child_thread, 0) == 0)
				pthread_join(t, 0);
			continue;
		}
		void *p = malloc(100 + (long)arg);
		snprintf(buf, sizeof buf, "%p %ld", p, (long)arg);
		pthread_mutex_lock(&lock);
		free(p);
		pthread_mutex_unlock(&lock);
	}
	return 0;
}

static void *child_thread(void *arg)
{
	return (void *)((long)arg + data);
}

/* Whether the calling thread's rseq area is registered with the kernel at
   tp + __rseq_offset: registering it again must say EBUSY. */
static const char *rseq_state(void)
{
	if (__rseq_size == 0)
		return "not registered";
	struct rseq *r = (struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
	unsigned len = __rseq_size > 32 ? __rseq_size : 32;
	long e = syscall(SYS_rseq, r, len, 0, RSEQ_SIG);
	if (e == -1 && errno == EBUSY && (int)r->cpu_id >= 0)
		return "registered";
	return "broken";
}

int main(int argc, char **argv)
{
	/* "calm": no thread creation during the forks, for qemu-user, whose own
	   locks hang a child forked while a guest thread is being created. */
	if (argc > 1 && strcmp(argv[1], "calm") == 0)
		create_while_forking = 0;
	heap = strdup("parent heap");
	printf("parent: rseq %s\n", rseq_state());
	fflush(stdout);

	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		data = 20;
		strcpy(heap, "child heap");
		printf("child: data %d, heap \"%s\", rseq %s, parent pid matches: %s\n", data, heap,
		       rseq_state(), getppid() == parent ? "yes" : "no");
		exit(7);
	}
	int st = 0;
	int waited = waitpid(pid, &st, 0) == pid;
	printf("parent: waitpid %s, exited %d, status %d\n", waited ? "ok" : "failed",
	       WIFEXITED(st), WEXITSTATUS(st));
	printf("parent: data %d, heap \"%s\"\n", data, heap);

	/* Fork while other threads hammer malloc and a mutex. */
	pthread_t t[4];
	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], 0, busy, (void *)i);
	int good = 0;
	for (int round = 0; round < 40; round++) {
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			/* Only this thread exists here; everything must still work. */
			void *p = malloc(1000);
			char buf[32];
			snprintf(buf, sizeof buf, "%d", round);
			pthread_t ct;
			void *res = 0;
			if (pthread_create(&ct, 0, child_thread, (void *)100L) || pthread_join(ct, &res))
				_exit(3);
			free(p);
			_exit((long)res == 110 ? 0 : 4);
		}
		if (waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0)
			good++;
	}
	stop = 1;
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], 0);
	printf("parent: %d of 40 children forked from a busy process worked\n", good);

	/* Grandchild: fork from a child, statuses travel back. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		pid_t g = fork();
		if (g == 0)
			_exit(5);
		waitpid(g, &st, 0);
		_exit(WEXITSTATUS(st) + 1);
	}
	waitpid(pid, &st, 0);
	printf("parent: grandchild chain status %d\n", WEXITSTATUS(st));
	return 0;
}
