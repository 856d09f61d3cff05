/* IFUNC from a library (GLOB_DAT/JUMP_SLOT to STT_GNU_IFUNC), the
 * program's own IFUNC (IRELATIVE), and address identity of an IFUNC. */
#include "start.h"
int sel(void);
int via_dep(void);
int lib_calls_loc(void);
int (*lib_sel_addr(void))(void);

static int mine_1(void) { return 100; }
static int mine_2(void) { return 200; }
static int pick = 2;
static void *resolve_mine(void)
{
	return pick == 2 ? (void *)mine_2 : (void *)mine_1;
}
int mine(void) __attribute__((ifunc("resolve_mine")));

static int (*sel_ptr)(void) = sel;
static int (*mine_ptr)(void) = mine;

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	say("sel", sel());
	say("sel via data pointer", sel_ptr());
	say("via_dep", via_dep());
	say("lib local ifunc", lib_calls_loc());
	say("mine", mine());
	say("mine via data pointer", mine_ptr());
	say("sel address same in lib", lib_sel_addr() == sel);
	say("sel via lib pointer", lib_sel_addr()());
	return 0;
}
