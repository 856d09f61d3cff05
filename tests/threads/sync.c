/* Mutex, condition variable, once and keys with many threads.  Every line
   printed is forced by the synchronisation, so glibc and ld-rseq must print
   the same. */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define THREADS 16
#define ROUNDS 20000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *count(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return (void *)((long)arg * 2);
}

/* A bounded queue: producers block while it is full, consumers while empty. */
#define QCAP 8
#define PRODUCERS 6
#define CONSUMERS 3
#define ITEMS 3000
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static long queue[QCAP];
static int qlen, producers_left = PRODUCERS;
static long consumed_sum, consumed_items;

static void *produce(void *arg)
{
	long id = (long)arg;
	for (long i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&lock);
		while (qlen == QCAP)
			pthread_cond_wait(&not_full, &lock);
		queue[qlen++] = i * id;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&lock);
	}
	pthread_mutex_lock(&lock);
	if (--producers_left == 0)
		pthread_cond_broadcast(&not_empty);
	pthread_mutex_unlock(&lock);
	return 0;
}

static void *consume(void *arg)
{
	long mine = 0;
	pthread_mutex_lock(&lock);
	for (;;) {
		while (qlen == 0 && producers_left)
			pthread_cond_wait(&not_empty, &lock);
		if (qlen == 0)
			break;
		consumed_sum += queue[--qlen];
		consumed_items++;
		mine++;
		pthread_cond_signal(&not_full);
	}
	pthread_mutex_unlock(&lock);
	*(long *)arg = mine;
	return 0;
}

/* Every thread calls pthread_once; the initialiser is slow so the others
   really wait, and each must see its effect afterwards. */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs, once_value;
static void init_once(void)
{
	for (volatile int i = 0; i < 2000000; i++)
		;
	once_runs++;
	once_value = 42;
}
static void *call_once(void *arg)
{
	pthread_once(&once, init_once);
	return (void *)(long)(once_value == 42);
	(void)arg;
}

/* Keys: a destructor that stores a new value gets called again, up to
   PTHREAD_DESTRUCTOR_ITERATIONS rounds in all. */
static pthread_key_t key_a, key_b;
static long dtor_a_calls, dtor_b_calls, dtor_rounds_seen[PTHREAD_DESTRUCTOR_ITERATIONS + 2];
static void dtor_a(void *v)
{
	long round = (long)v;
	pthread_mutex_lock(&lock);
	dtor_a_calls++;
	dtor_rounds_seen[round]++;
	pthread_mutex_unlock(&lock);
	pthread_setspecific(key_a, (void *)(round + 1)); /* forever: bounded by the runtime */
}
static void dtor_b(void *v)
{
	pthread_mutex_lock(&lock);
	dtor_b_calls++;
	pthread_mutex_unlock(&lock);
	free(v);
}
static void *use_keys(void *arg)
{
	if (pthread_getspecific(key_a) || pthread_getspecific(key_b))
		return (void *)1L;
	pthread_setspecific(key_a, (void *)1L);
	long *p = malloc(sizeof *p);
	*p = (long)arg;
	pthread_setspecific(key_b, p);
	return (void *)(long)(*(long *)pthread_getspecific(key_b) != (long)arg);
}

int main(void)
{
	pthread_t t[THREADS];
	void *res;
	long sum = 0;

	for (long i = 0; i < THREADS; i++)
		if (pthread_create(&t[i], 0, count, (void *)i))
			return 1;
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], &res);
		sum += (long)res;
	}
	printf("mutex: counter %ld (expected %d), join results sum %ld\n", counter,
	       THREADS * ROUNDS, sum);

	long per_consumer[CONSUMERS];
	for (long i = 0; i < PRODUCERS; i++)
		pthread_create(&t[i], 0, produce, (void *)(i + 1));
	for (int i = 0; i < CONSUMERS; i++)
		pthread_create(&t[PRODUCERS + i], 0, consume, &per_consumer[i]);
	for (int i = 0; i < PRODUCERS + CONSUMERS; i++)
		pthread_join(t[i], 0);
	long total = 0;
	for (int i = 0; i < CONSUMERS; i++)
		total += per_consumer[i];
	printf("cond: %ld items, sum %ld, consumers' counts add up: %s, queue left %d\n",
	       consumed_items, consumed_sum, total == consumed_items ? "yes" : "no", qlen);

	int saw = 0;
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], 0, call_once, 0);
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], &res);
		saw += (int)(long)res;
	}
	pthread_once(&once, init_once);
	printf("once: initialiser ran %d time(s), %d of %d threads saw its result\n", once_runs,
	       saw, THREADS);

	pthread_key_create(&key_a, dtor_a);
	pthread_key_create(&key_b, dtor_b);
	int bad = 0;
	for (long i = 0; i < THREADS; i++)
		pthread_create(&t[i], 0, use_keys, (void *)(i + 100));
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], &res);
		bad += (int)(long)res;
	}
	printf("keys: %d bad values, destructor a called %ld times, b %ld times\n", bad,
	       dtor_a_calls, dtor_b_calls);
	for (int r = 1; r <= PTHREAD_DESTRUCTOR_ITERATIONS + 1; r++)
		printf("keys: round %d destructor calls %ld\n", r, dtor_rounds_seen[r]);

	/* A deleted key's slot comes back null in a new key. */
	pthread_setspecific(key_a, (void *)7L);
	pthread_key_delete(key_a);
	pthread_key_t again;
	pthread_key_create(&again, 0);
	printf("keys: value of a new key after delete: %p\n", pthread_getspecific(again));
	printf("keys: main's value of b: %p\n", pthread_getspecific(key_b));
	return 0;
}
