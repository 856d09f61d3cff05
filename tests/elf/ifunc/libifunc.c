/* IFUNC symbols in a library: an exported one whose resolver reads the
 * library's own relocated data, a local one (IRELATIVE), and one whose
 * resolver calls a function of another library. */
static int impl_a(void) { return 1; }
static int impl_b(void) { return 2; }
static int impl_c(void) { return 3; }
static int (*const impls[])(void) = { impl_a, impl_b, impl_c };
static int choice = 1;

static void *resolve_sel(void)
{
	return (void *)impls[choice];
}
int sel(void) __attribute__((ifunc("resolve_sel")));

static int loc_x(void) { return 10; }
static int loc_y(void) { return 20; }
static void *resolve_loc(void)
{
	return choice ? (void *)loc_y : (void *)loc_x;
}
static int loc(void) __attribute__((ifunc("resolve_loc")));

int dep_choice(void);
static int dep_30(void) { return 30; }
static int dep_other(void) { return -1; }
static void *resolve_dep(void)
{
	return dep_choice() == 30 ? (void *)dep_30 : (void *)dep_other;
}
int via_dep(void) __attribute__((ifunc("resolve_dep")));

int lib_calls_loc(void)
{
	return loc();
}

int (*lib_sel_addr(void))(void)
{
	return sel;
}
