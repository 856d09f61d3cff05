/* The loader's view of ELF: the public <elf.h> (include/elf.h, written
   from the gABI and the psABIs, no libc needed) plus short names for the
   64-bit types, which are the only ones either supported machine uses. */
#ifndef RTLD_ELF_H
#define RTLD_ELF_H

#include <elf.h>

typedef Elf64_Ehdr Ehdr;
typedef Elf64_Phdr Phdr;
typedef Elf64_Dyn Dyn;
typedef Elf64_Sym Sym;
typedef Elf64_Rela Rela;
typedef Elf64_Rel Rel;

#define ELF_R_SYM ELF64_R_SYM
#define ELF_R_TYPE ELF64_R_TYPE
#define ELF_ST_BIND ELF64_ST_BIND
#define ELF_ST_TYPE ELF64_ST_TYPE
#define ELF_ST_VISIBILITY ELF64_ST_VISIBILITY

/* A VERSYM entry: the version index, and the bit marking a definition that
   is not the default version. */
#define VERSYM_HIDDEN 0x8000
#define VERSYM_VERSION 0x7fff

#endif
