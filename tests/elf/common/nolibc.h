/* Raw syscalls and line printing for the libc-free test programs and
 * libraries of tests/elf.  Everything is static so each object carries its
 * own copy and no symbol of this file takes part in dynamic linking. */
#ifndef TESTS_NOLIBC_H
#define TESTS_NOLIBC_H

#if defined(__x86_64__)
#define NR_write 1
#define NR_exit_group 231
static inline long nl_syscall3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}
#elif defined(__aarch64__)
#define NR_write 64
#define NR_exit_group 94
static inline long nl_syscall3(long n, long a, long b, long c)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	__asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
	return x0;
}
#else
#error "tests/elf: unsupported architecture"
#endif

static inline __attribute__((unused)) unsigned long nl_strlen(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	return n;
}

static inline __attribute__((unused)) int nl_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static inline __attribute__((unused)) void nl_write(int fd, const char *s, unsigned long n)
{
	while (n) {
		long r = nl_syscall3(NR_write, fd, (long)s, (long)n);
		if (r <= 0)
			return;
		s += r;
		n -= (unsigned long)r;
	}
}

static inline __attribute__((unused)) __attribute__((noreturn)) void nl_exit_group(int code)
{
	for (;;)
		nl_syscall3(NR_exit_group, code, 0, 0);
}

/* put("text\n"): no formatting at all. */
static inline __attribute__((unused)) void put(const char *s)
{
	nl_write(1, s, nl_strlen(s));
}

static inline __attribute__((unused)) void eput(const char *s)
{
	nl_write(2, s, nl_strlen(s));
}

/* put_dec/put_hex: one number, no newline. */
static inline __attribute__((unused)) void put_dec(long v)
{
	char buf[24];
	int i = sizeof buf;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	do
		buf[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		buf[--i] = '-';
	nl_write(1, buf + i, sizeof buf - i);
}

static inline __attribute__((unused)) void put_hex(unsigned long u)
{
	char buf[18];
	int i = sizeof buf;
	do
		buf[--i] = "0123456789abcdef"[u & 15];
	while (u >>= 4);
	buf[--i] = 'x';
	buf[--i] = '0';
	nl_write(1, buf + i, sizeof buf - i);
}

/* say("key", v) prints "key=v\n"; one fact per line. */
static inline __attribute__((unused)) void say(const char *key, long v)
{
	put(key);
	put("=");
	put_dec(v);
	put("\n");
}

static inline __attribute__((unused)) void sayx(const char *key, unsigned long v)
{
	put(key);
	put("=");
	put_hex(v);
	put("\n");
}

static inline __attribute__((unused)) void says(const char *key, const char *v)
{
	put(key);
	put("=");
	put(v ? v : "(null)");
	put("\n");
}

#endif
