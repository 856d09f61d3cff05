/* libmid.so: an intermediate object; its dependency libwho.so is found
 * through the search rules that apply to indirect dependencies. */
const char *who(void);

const char *mid_who(void)
{
	return who();
}
