/* The secure-mode environment scrub. */
#include <stddef.h>
#include <stdint.h>
#include "auxv/auxv.h"
#include "rtld/secure_env.h"

/* The environment and auxv are moved as plain words: one type for both, so
   no store can be reordered past a load of the same slot. */
typedef uintptr_t __attribute__((may_alias)) word;

/* The names glibc (2.39+) removes for AT_SECURE programs, plus the older
   ones it used to list; alphabetical. */
static const char unsecure_names[] =
	"GCONV_PATH\0"
	"GETCONF_DIR\0"
	"GLIBC_TUNABLES\0"
	"HOSTALIASES\0"
	"LD_AUDIT\0"
	"LD_BIND_NOT\0"
	"LD_BIND_NOW\0"
	"LD_DEBUG\0"
	"LD_DEBUG_OUTPUT\0"
	"LD_DYNAMIC_WEAK\0"
	"LD_HWCAP_MASK\0"
	"LD_LIBRARY_PATH\0"
	"LD_ORIGIN_PATH\0"
	"LD_PRELOAD\0"
	"LD_PROFILE\0"
	"LD_PROFILE_OUTPUT\0"
	"LD_SHOW_AUXV\0"
	"LD_USE_LOAD_BIAS\0"
	"LD_VERBOSE\0"
	"LD_WARN\0"
	"LOCALDOMAIN\0"
	"LOCPATH\0"
	"MALLOC_ARENA_MAX\0"
	"MALLOC_ARENA_TEST\0"
	"MALLOC_CHECK_\0"
	"MALLOC_MMAP_MAX_\0"
	"MALLOC_MMAP_THRESHOLD_\0"
	"MALLOC_PERTURB_\0"
	"MALLOC_TOP_PAD_\0"
	"MALLOC_TRACE\0"
	"MALLOC_TRIM_THRESHOLD_\0"
	"NIS_PATH\0"
	"NLSPATH\0"
	"RESOLV_HOST_CONF\0"
	"RES_OPTIONS\0"
	"TMPDIR\0"
	"TZDIR\0";

/* Is ENTRY ("NAME=value", or a bare "NAME") named in NAMES? */
static int named(const char *entry, const char *names)
{
	while (*names) {
		size_t i = 0;

		while (names[i] && entry[i] == names[i])
			i++;
		if (!names[i] && (entry[i] == '=' || !entry[i]))
			return 1;
		while (names[i])
			i++;
		names += i + 1;
	}
	return 0;
}

void dl_env_unset(char **envp, const char *names)
{
	word *r = (word *)envp, *w = r;

	for (; *r; r++)
		if (!named((const char *)*r, names))
			*w++ = *r;
	if (w == r)
		return;
	*w = 0;

	word *from = r + 1, *to = w + 1;
	if (__auxv.vec == (uintptr_t *)from)
		__auxv.vec = (uintptr_t *)to;
	do {
		to[0] = from[0];
		to[1] = from[1];
		to += 2;
		from += 2;
	} while (to[-2] != AT_NULL);
	while (to < from)
		*to++ = 0;
}

void dl_scrub_env(char **envp)
{
	dl_env_unset(envp, unsecure_names);
}
