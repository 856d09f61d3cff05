/* Ending the process while threads run.
   exit:          exit() with threads busy: atexit handlers run, buffered
                  output is written once, status as given.
   pthread_exit:  main leaves with pthread_exit while a worker still runs
                  (and joins it); the process ends when the worker does, with
                  status 0 and atexit handlers run, as after returning from
                  main. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int started;

static void at_exit(void)
{
	printf("atexit handler ran\n");
}

static void *spin(void *arg)
{
	pthread_mutex_lock(&lock);
	started++;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	for (volatile long i = 0;; i++)
		if ((long)arg && i % 100000 == 0)
			free(malloc(64));
	return 0;
}

static pthread_t main_thread;

static void *late_worker(void *arg)
{
	(void)arg;
	void *res = 0;
	int r = pthread_join(main_thread, &res);
	printf("worker joined the main thread: %d, its result %p\n", r, res);
	usleep(100 * 1000);
	printf("worker finished after main left\n");
	return 0;
}

int main(int argc, char **argv)
{
	atexit(at_exit);
	if (argc > 1 && strcmp(argv[1], "exit") == 0) {
		pthread_t t;
		for (long i = 0; i < 4; i++)
			pthread_create(&t, 0, spin, (void *)(i & 1));
		pthread_mutex_lock(&lock);
		while (started < 4)
			pthread_cond_wait(&cond, &lock);
		pthread_mutex_unlock(&lock);
		printf("main calls exit(3) with %d threads running\n", started);
		exit(3);
	}
	if (argc > 1 && strcmp(argv[1], "pthread_exit") == 0) {
		pthread_t t;
		printf("main leaves with pthread_exit\n");
		main_thread = pthread_self();
		pthread_create(&t, 0, late_worker, 0);
		pthread_exit((void *)0x55);
	}
	return 2;
}
