/* The program: initial-exec TLS of a library (TLS_TPREL), its own
   local-exec TLS, a COPY relocation when built non-PIE, functions and data of
   three libraries, preinit/init/fini order, and the rseq state the loader
   left.  Every line is printed from values both loaders must agree on;
   "tmain layout" adds checks of ld-rseq's variant I rseq placement. */
#include <stddef.h>
#include "nolibc.h"

extern __thread int lt_a;
extern __thread long lt_b[4];
extern __thread long lg_x, lg_y;
extern __thread char lg_pad[100];
extern int lt_data, *lt_ptr;
extern long lt_ifunc(void), lt_call_local_ifunc(void), lt_tls_sum(void), lt_ifunc_arg(void);
extern int *lt_addr_a(void);
extern long lg_sum(void), *lg_addr_y(void), lu_value(void);
extern ptrdiff_t lu_rseq_offset(void);
extern unsigned lu_rseq_size(void);

__thread int m_t = 5;
__thread char m_big[300] __attribute__((aligned(64)));

static void preinit(void) { put("preinit main\n"); }
static void ctor(void) { put("ctor main "); put_num(lt_a + m_t); put("\n"); }
static void dtor(void) { put("dtor main\n"); }
__attribute__((section(".preinit_array"), used)) static void (*pa)(void) = preinit;
__attribute__((section(".init_array"), used)) static void (*ia)(void) = ctor;
__attribute__((section(".fini_array"), used)) static void (*fa)(void) = dtor;

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* The area must lie beyond the end of every static TLS block. */
static int above(unsigned long area, const void *p, unsigned long size)
{
	int ok = area >= (unsigned long)p + size;
	if (!ok) {
		put("rseq area overlaps TLS at tp+");
		put_num((long)((unsigned long)p - get_tp()));
		put("\n");
	}
	return ok;
}

static int layout(void)
{
	unsigned long tp = get_tp(), area = tp + lu_rseq_offset();
	unsigned *a = (unsigned *)area;
	int ok = 1;

	put_kv("offset", lu_rseq_offset());
	put_kv("offset_positive", lu_rseq_offset() > 0);
	put_kv("area_aligned32", area % 32 == 0);
	ok &= above(area, &m_t, sizeof m_t) & above(area, m_big, sizeof m_big) &
	      above(area, &lt_a, sizeof lt_a) & above(area, lt_b, sizeof lt_b) &
	      above(area, &lg_x, sizeof lg_x) & above(area, lg_pad, sizeof lg_pad) &
	      above(area, &lg_y, sizeof lg_y);
	put_kv("area_above_tls", ok);
	/* cpu_id_start, rseq_cs and flags stay zero when nothing registered. */
	put_kv("area_cpu_id_start", a[0]);
	put_kv("area_rseq_cs", *(long *)(a + 2));
	put_kv("area_flags", a[4]);
	return 0;
}

long tmain(long *sp)
{
	char **argv = (char **)(sp + 1);
	static unsigned probe[8] __attribute__((aligned(32)));

	if (sp[0] > 1 && streq(argv[1], "layout"))
		return layout();
	if (sp[0] > 1 && streq(argv[1], "ifunc-arg")) {
		put_kv("ifunc_arg", lt_ifunc_arg());
		return 0;
	}
	put_kv("main_tls", m_t);
	m_big[299] = 9;
	put_kv("main_tls_big", m_big[299] + (long)((unsigned long)m_big % 64));
	put_kv("ie_lt_a", lt_a);
	put_kv("ie_lt_b3", lt_b[3]);
	put_kv("ie_equals_tlsdesc", &lt_a == lt_addr_a());
	lt_a = 70;
	put_kv("tlsdesc_sum", lt_tls_sum());
	put_kv("tlsdesc_sum_again", lt_tls_sum());
	put_kv("gd_sum", lg_sum());
	put_kv("gd_equals_ie", lg_addr_y() == &lg_y);
	put_kv("lu_value", lu_value());
	put_kv("copy_data", lt_data);
	put_kv("copy_ptr_canonical", lt_ptr == &lt_data);
	put_kv("ifunc", lt_ifunc());
	put_kv("ifunc_local", lt_call_local_ifunc());
	put_kv("rseq_size", lu_rseq_size());
	put_kv("rseq_cpu_id", ((int *)(get_tp() + lu_rseq_offset()))[1]);
	/* qemu-user implements no rseq(2): a fresh registration reports ENOSYS. */
	put_kv("raw_rseq", sys4(293, (long)probe, 32, 0, 0xd428bc00));
	return 0;
}
