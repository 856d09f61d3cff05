/* Traditional general-dynamic TLS (-mtls-dialect=trad): __tls_get_addr with
   DTPMOD/DTPREL relocations, from whichever loader runs the program. */
#include "nolibc.h"

__thread long lg_x = 11;
__thread char lg_pad[100];
__thread long lg_y = 22;

long lg_sum(void)
{
	lg_pad[99] = 3;
	return lg_x + lg_y + lg_pad[99];
}

long *lg_addr_y(void)
{
	return &lg_y;
}

static void ctor(void) { put("ctor libg\n"); }
__attribute__((section(".init_array"), used)) static void (*ia)(void) = ctor;
