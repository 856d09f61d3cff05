/* Exact-width integer types: GCC's own definitions, so freestanding builds
   and rseq-cc programs see the same types. */
#ifndef _STDINT_H
#define _STDINT_H
#include <stdint-gcc.h>
#endif
