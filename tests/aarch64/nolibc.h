/* Just enough to print from a program that links no C library, so the same
   ELF runs under glibc's aarch64 ld.so and under ld-rseq. */
#ifndef NOLIBC_H
#define NOLIBC_H

static inline long sys3(long n, long a, long b, long c)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
	return x0;
}

static inline long sys4(long n, long a, long b, long c, long d)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3) : "memory");
	return x0;
}

static inline unsigned long get_tp(void)
{
	unsigned long tp;
	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(tp));
	return tp;
}

static inline void put(const char *s)
{
	long n = 0;
	while (s[n])
		n++;
	sys3(64 /* write */, 1, (long)s, n);
}

static inline void put_num(long v)
{
	char b[24], *p = b + sizeof b;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	*--p = 0;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	put(p);
}

/* "name=value\n" */
static inline void put_kv(const char *name, long v)
{
	put(name);
	put("=");
	put_num(v);
	put("\n");
}

#endif
