/* Character classes of the "C" locale. */
#include <ctype.h>
#include "rtld/ldso.h"

EXPORT int isdigit(int c) { return (unsigned)c - '0' < 10; }
EXPORT int islower(int c) { return (unsigned)c - 'a' < 26; }
EXPORT int isupper(int c) { return (unsigned)c - 'A' < 26; }
EXPORT int isalpha(int c) { return islower(c) || isupper(c); }
EXPORT int isalnum(int c) { return isalpha(c) || isdigit(c); }
EXPORT int isxdigit(int c) { return isdigit(c) || (unsigned)(c | 32) - 'a' < 6; }
EXPORT int isblank(int c) { return c == ' ' || c == '\t'; }
EXPORT int isspace(int c) { return c == ' ' || (unsigned)c - '\t' < 5; }
EXPORT int iscntrl(int c) { return (unsigned)c < 32 || c == 127; }
EXPORT int isprint(int c) { return (unsigned)c - ' ' < 95; }
EXPORT int isgraph(int c) { return (unsigned)c - '!' < 94; }
EXPORT int ispunct(int c) { return isgraph(c) && !isalnum(c); }
EXPORT int tolower(int c) { return isupper(c) ? c | 32 : c; }
EXPORT int toupper(int c) { return islower(c) ? c & ~32 : c; }
