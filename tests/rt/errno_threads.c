/* errno is per thread: each thread's failing calls set its own errno and
   never disturb another's. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

#define THREADS 8


static void *worker(void *arg)
{
	long id = (long)arg;
	int bad = 0;

	for (int i = 0; i < 2000; i++) {
		/* Alternate between two different errors per thread. */
		if (id % 2) {
			if (close(-1) != -1 || errno != EBADF)
				bad++;
		} else {
			if (open("/nonexistent/x", O_RDONLY) != -1 || errno != ENOENT)
				bad++;
		}
		errno = (int)id * 1000 + i;
		sched_yield();
		if (errno != (int)id * 1000 + i)
			bad++;
	}
	return (void *)(long)bad;
}

int main(void)
{
	pthread_t t[THREADS];
	long bad = 0;

	errno = 77;
	for (long i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < THREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	printf("errno per thread: %ld bad, main errno %d\n", bad, errno);
	return 0;
}
