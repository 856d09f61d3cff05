/* assert(): deliberately without an include guard, so NDEBUG can change
   between inclusions as the C standard requires. */
#include <features.h>

#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
__BEGIN_DECLS
__rt_noreturn void __assert_fail(const char *expr, const char *file, unsigned line,
				 const char *func);
__END_DECLS
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#if !defined(__cplusplus) && __STDC_VERSION__ >= 201112L && !defined(static_assert)
#define static_assert _Static_assert
#endif
