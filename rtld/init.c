/* Constructors and destructors.  The order is glibc's: walk the objects from
   the last loaded to the first, depth-first over DT_NEEDED, and run each
   object after everything it depends on; so dependencies come first and the
   program last.  Destructors run in exactly the reverse order. */
#include "rtld/stage.h"
#include "rtld/util.h"

int dl_argc;
char **dl_argv, **dl_envp;

/* Constructed objects, most recent first: the order _dl_fini walks. */
static struct dso *fini_head;

typedef void (*init_fn)(int, char **, char **);

static void call_array(uintptr_t a, size_t size)
{
	init_fn *f = (init_fn *)a;

	for (size_t i = 0; i < size / sizeof *f; i++)
		if ((uintptr_t)f[i] + 1 > 1) /* 0 and -1 are placeholders */
			f[i](dl_argc, dl_argv, dl_envp);
}

void dl_run_preinit(struct dso *main)
{
	call_array(main->dyn[DT_PREINIT_ARRAY], main->dyn[DT_PREINIT_ARRAYSZ]);
}

static void construct(struct dso *p)
{
	if (p->constructed)
		return;
	p->constructed = 1;
	p->fini_next = fini_head;
	fini_head = p;
	dl_debug(DL_DEBUG_LIBS, "\n     calling init: %s\n\n", *p->name ? p->name : dl_opts.argv0);
	if (p->dyn[DT_INIT])
		((init_fn)p->dyn[DT_INIT])(dl_argc, dl_argv, dl_envp);
	call_array(p->dyn[DT_INIT_ARRAY], p->dyn[DT_INIT_ARRAYSZ]);
}

static void visit(struct dso *p)
{
	p->visited = 1;
	for (size_t i = 0; i < p->ndeps; i++)
		if (!p->deps[i]->visited)
			visit(p->deps[i]);
	construct(p);
}

void dl_run_init(struct dso *first)
{
	struct dso *last = first;

	for (struct dso *p = first; p; p = p->next) {
		p->visited = p->constructed;
		last = p;
	}
	for (struct dso *p = last;; p = p->prev) {
		if (!p->visited)
			visit(p);
		if (p == first)
			break;
	}
}

static void destruct(struct dso *p)
{
	if (p->destructed || !p->constructed)
		return;
	p->destructed = 1;
	dl_debug(DL_DEBUG_LIBS, "\n     calling fini: %s\n\n", *p->name ? p->name : dl_opts.argv0);
	uintptr_t a = p->dyn[DT_FINI_ARRAY];
	for (size_t n = p->dyn[DT_FINI_ARRAYSZ] / sizeof(void (*)(void)); n--;) {
		void (*f)(void) = ((void (**)(void))a)[n];
		if ((uintptr_t)f + 1 > 1)
			f();
	}
	if (p->dyn[DT_FINI])
		((void (*)(void))p->dyn[DT_FINI])();
}

/* Run the destructors of the given objects only (dlclose), and unlink them. */
void dl_run_fini_of(struct dso *const *objs, size_t n)
{
	for (struct dso **pp = &fini_head; *pp;) {
		struct dso *p = *pp;
		size_t i;
		for (i = 0; i < n && objs[i] != p; i++)
			;
		if (i < n) {
			destruct(p);
			*pp = p->fini_next;
		} else {
			pp = &p->fini_next;
		}
	}
}

/* The finaliser the program gets in %rdx / x0 and registers with atexit. */
void _dl_fini(void)
{
	for (struct dso *p = fini_head; p; p = p->fini_next)
		destruct(p);
}
