/* libgp.so: a constructor and a function, for glibcprog. */
#include <stdio.h>

__attribute__((constructor)) static void ctor(void) { printf("libgp constructor\n"); }
int gp_twice(int x) { return 2 * x; }
