/* Symbol resolution rules: first definition in the scope wins, the
 * program interposes default-visibility symbols but not protected ones,
 * STB_GNU_UNIQUE objects are one object, protected data is the library's. */
#include "start.h"
int dup_fn(void);
int dup_from1(void);
int dup_from2(void);
int *uniq_addr1(void);
int *uniq_addr2(void);
extern int uniq_obj;
extern int prot_data;
int call_prot(void);
int call_interp(void);

int prot_fn(void)
{
	return 99;
}

int interp_fn(void)
{
	return 98;
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	say("dup_fn", dup_fn());
	say("dup_fn from lib1", dup_from1());
	say("dup_fn from lib2", dup_from2());
	say("uniq_obj", uniq_obj);
	say("uniq one object", uniq_addr1() == uniq_addr2() && uniq_addr1() == &uniq_obj);
	say("program prot_fn", prot_fn());
	say("protected stays in lib", call_prot());
	say("prot_data", prot_data);
	say("program interposes", call_interp());
	return 0;
}
