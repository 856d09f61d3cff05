/* The runtime's list of live threads and their count. */
#include "rt/pthread_impl.h"

rt_lock __pthread_list_lock = RT_LOCK_INIT;
struct tcb *__pthread_list;
int __pthread_live = 1;

/* Callers hold __pthread_list_lock. */
void __pthread_list_add(struct tcb *t)
{
	struct tcb *head = __pthread_list;
	t->next = head;
	t->prev = head->prev;
	head->prev->next = t;
	head->prev = t;
}

void __pthread_list_remove(struct tcb *t)
{
	if (!__pthread_list)
		return;
	if (t->next == t) {
		__pthread_list = 0;
		return;
	}
	t->prev->next = t->next;
	t->next->prev = t->prev;
	if (__pthread_list == t)
		__pthread_list = t->next;
}
