/* Uses what USES names from libx.so/libuser.so; writes a marker from its
 * preinit_array and main, which must never appear when loading fails. */
#include "start.h"
int keep_fn(void);
int gone_fn(void);
extern int gone_data;
int user_fn(void);
void mark_fn(void);

static void pre(void)
{
	put("MARKER preinit\n");
}
__attribute__((section(".preinit_array"), used)) static void (*pre_p)(void) = pre;

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	put("MARKER main\n");
	mark_fn();
	say("keep_fn", keep_fn());
	USES;
	return 0;
}
