/* libFuzzer target for the GLIBC_TUNABLES parser and the secure-mode scrub.
   Input: one mode byte (bit 0: secure mode, bit 1: also dl_scrub_env), then
   environment entries separated by '\n'; the first entry is the value of
   GLIBC_TUNABLES.  Every entry is its own exact-size allocation, so a read
   past its terminating NUL is caught by AddressSanitizer.  After each run
   the invariants are checked and any violation aborts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "auxv/auxv.h"
#include "rtld/secure_env.h"
#include "tunables/tunables.h"

#define MAX_ENV 64

/* Set by the tunables; the loader has them in tcb/. */
int dl_rseq_enabled;
size_t dl_tls_static_surplus;

void dl_printf(int fd, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	(void)fd;
	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	/* A warning quotes a bounded part of the input. */
	if (n < 0 || n > 300)
		abort();
}

static int has_name(const char *entry, const char *name)
{
	size_t n = strlen(name);

	return !strncmp(entry, name, n) && (entry[n] == '=' || !entry[n]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char prefix[] = "GLIBC_TUNABLES=";
	static const char *const unsecure[] = { "GLIBC_TUNABLES", "LD_PRELOAD",
		"LD_LIBRARY_PATH", "LD_AUDIT", "LD_DEBUG_OUTPUT", "LD_PROFILE" };
	static const uintptr_t aux[] = { AT_PAGESZ, 4096, AT_SECURE, 1, AT_NULL, 0 };
	uintptr_t stack[MAX_ENV + 1 + 6 + 4];
	char *entries[MAX_ENV], *copies[MAX_ENV];
	size_t n = 0, pos = 1;
	int secure, scrub;

	if (size < 1)
		return 0;
	secure = data[0] & 1;
	scrub = data[0] & 2;
	while (pos <= size && n < MAX_ENV) {
		const uint8_t *nl = memchr(data + pos, '\n', size - pos);
		size_t len = (nl ? (size_t)(nl - data) : size) - pos;
		size_t pre = n == 0 ? sizeof prefix - 1 : 0;
		char *e = malloc(pre + len + 1);

		memcpy(e, prefix, pre);
		memcpy(e + pre, data + pos, len);
		e[pre + len] = 0;
		entries[n] = e;
		copies[n] = malloc(pre + len + 1);
		memcpy(copies[n++], e, pre + len + 1);
		pos += len + 1;
	}
	for (size_t i = 0; i < n; i++)
		stack[i] = (uintptr_t)entries[i];
	stack[n] = 0;
	memcpy(&stack[n + 1], aux, sizeof aux);
	for (size_t i = n + 7; i < sizeof stack / sizeof stack[0]; i++)
		stack[i] = 0x5e5e5e5e;

	tunables_init((char **)stack, secure);
	if (scrub)
		dl_scrub_env((char **)stack);

	/* Values stay in range; secure mode applies nothing. */
	if (dl_rseq_enabled != 0 && dl_rseq_enabled != 1)
		abort();
	if (secure && (dl_rseq_enabled != 1 || dl_tls_static_surplus != 512))
		abort();
	/* No string was written. */
	for (size_t i = 0; i < n; i++)
		if (strcmp(entries[i], copies[i]))
			abort();
	/* The kept entries are the input's, in order, minus the removed ones;
	   auxv follows the terminator; nothing beyond the vectors moved. */
	size_t k = 0, in = 0;
	for (; stack[k]; k++) {
		while (in < n && stack[k] != (uintptr_t)entries[in])
			in++;
		if (in++ == n)
			abort();
		for (size_t u = 0; u < sizeof unsecure / sizeof unsecure[0]; u++)
			if ((scrub || (secure && u == 0)) &&
			    has_name((char *)stack[k], unsecure[u]))
				abort();
	}
	if (memcmp(&stack[k + 1], aux, sizeof aux))
		abort();
	for (size_t i = k + 7; i < n + 7; i++)
		if (stack[i] != 0)
			abort();
	for (size_t i = n + 7; i < sizeof stack / sizeof stack[0]; i++)
		if (stack[i] != 0x5e5e5e5e)
			abort();

	for (size_t i = 0; i < n; i++) {
		free(entries[i]);
		free(copies[i]);
	}
	return 0;
}
