/* strerror: the message for an error number. */
#include <string.h>
#include "rt/strerror_tab.h"
#include "rtld/ldso.h"

EXPORT char *strerror(int err)
{
	static char unknown[32];

	const char *m = strerror_msgs, *end = m + sizeof strerror_msgs;
	for (int i = err; i > 0 && m < end; i--)
		m += strlen(m) + 1;
	if (err >= 0 && m < end && *m)
		return (char *)m;
	/* Not thread-safe for unknown numbers, which no correct program passes. */
	char digits[12], *p = digits + sizeof digits;
	unsigned v = err < 0 ? -(unsigned)err : (unsigned)err;
	*--p = 0;
	do
		*--p = '0' + v % 10;
	while (v /= 10);
	if (err < 0)
		*--p = '-';
	stpcpy(stpcpy(unknown, "Unknown error "), p);
	return unknown;
}
