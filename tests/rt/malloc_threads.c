/* The allocator under concurrency: threads allocate, fill, check and free
   blocks of mixed sizes, some freed by a different thread than the one that
   allocated them. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define ROUNDS 20000
#define SLOTS 64

static void *handoff[THREADS][SLOTS];
static size_t handoff_len[THREADS][SLOTS];
static pthread_mutex_t handoff_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	long id = (long)arg;
	unsigned long r = (unsigned long)id * 7919 + 1;
	void *mine[SLOTS] = { 0 };
	size_t len[SLOTS] = { 0 };
	long bad = 0;

	for (int i = 0; i < ROUNDS; i++) {
		r = r * 6364136223846793005UL + 1442695040888963407UL;
		int s = (int)(r >> 40) % SLOTS;
		if (mine[s]) {
			unsigned char *p = mine[s];
			for (size_t k = 0; k < len[s]; k++)
				bad += p[k] != (unsigned char)(id + k);
			if (i % 3 == 0) {
				/* Pass it to the next thread, which frees it. */
				pthread_mutex_lock(&handoff_lock);
				int o = (int)((id + 1) % THREADS);
				void *old = handoff[o][s];
				handoff[o][s] = mine[s];
				handoff_len[o][s] = len[s];
				pthread_mutex_unlock(&handoff_lock);
				free(old);
			} else {
				free(mine[s]);
			}
		}
		size_t n = (r >> 20) % 16 == 0 ? (r >> 8) % 200000 : (r >> 8) % 512;
		mine[s] = malloc(n);
		len[s] = n;
		if (!mine[s] || (uintptr_t)mine[s] % 16)
			bad++;
		memset(mine[s], 0, n);
		for (size_t k = 0; k < n; k++)
			((unsigned char *)mine[s])[k] = (unsigned char)(id + k);
	}
	for (int s = 0; s < SLOTS; s++)
		free(mine[s]);
	return (void *)bad;
}

int main(void)
{
	pthread_t t[THREADS];
	long bad = 0;

	for (long i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < THREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	for (int i = 0; i < THREADS; i++)
		for (int s = 0; s < SLOTS; s++)
			free(handoff[i][s]);
	printf("threads done: %ld bad\n", bad);
	return 0;
}
