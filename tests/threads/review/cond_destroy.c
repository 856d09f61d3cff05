/* POSIX: "A condition variable can be destroyed immediately after all the
   threads that are blocked on it are awakened."  The broadcaster destroys
   the condvar and reuses its memory (here: fills it with a pattern) while
   still holding the mutex; woken waiters must not write to it afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static union { pthread_cond_t c; unsigned char raw[sizeof(pthread_cond_t)]; } u;
static int flag, asleep;
static void *waiter(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	asleep++;
	while (!flag)
		pthread_cond_wait(&u.c, &m);
	pthread_mutex_unlock(&m);
	return 0;
}
int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 2000, corrupt = 0;
	for (int i = 0; i < n; i++) {
		pthread_cond_init(&u.c, 0);
		flag = asleep = 0;
		pthread_t t[2];
		for (int j = 0; j < 2; j++) pthread_create(&t[j], 0, waiter, 0);
		for (;;) { pthread_mutex_lock(&m); if (asleep == 2) break; pthread_mutex_unlock(&m); usleep(100); }
		usleep(200); /* let both reach the futex */
		flag = 1;
		pthread_cond_broadcast(&u.c);
		pthread_cond_destroy(&u.c);
		memset(u.raw, 0x5a, sizeof u.raw);
		pthread_mutex_unlock(&m);
		for (int j = 0; j < 2; j++) pthread_join(t[j], 0);
		for (size_t k = 0; k < sizeof u.raw; k++)
			if (u.raw[k] != 0x5a) { corrupt++; break; }
	}
	printf("destroyed condvar memory written after destroy in %d of %d rounds\n", corrupt, n);
	return 0;
}
