#!/usr/bin/env python3
"""Write the crash-*.so reproducers of tests/corpus/elf: each is a seed with
one defect the ELF fuzz target found the loader mishandling (a fault, a
sanitizer report or a broken invariant instead of a load error).
Usage: elf_crashes.py CORPUS_DIR"""
import struct
import sys

PT_LOAD, PT_DYNAMIC, PT_PHDR, PT_GNU_RELRO = 1, 2, 6, 0x6474E552
DT_NULL, DT_HASH, DT_STRTAB, DT_SYMTAB = 0, 4, 5, 6
DT_GNU_HASH, DT_VERSYM = 0x6FFFFEF5, 0x6FFFFFF0
# type, flags, offset, vaddr, paddr, filesz, memsz, align
PHDR = struct.Struct("<IIQQQQQQ")


class Elf:
    def __init__(self, path):
        self.b = bytearray(open(path, "rb").read())
        self.phoff, = struct.unpack_from("<Q", self.b, 32)
        self.phnum, = struct.unpack_from("<H", self.b, 56)

    def phdrs(self):
        for i in range(self.phnum):
            off = self.phoff + i * PHDR.size
            yield off, list(PHDR.unpack_from(self.b, off))

    def set_ph(self, off, ph):
        PHDR.pack_into(self.b, off, *ph)

    def find_ph(self, ptype, last=False):
        found = [(o, p) for o, p in self.phdrs() if p[0] == ptype]
        return found[-1] if last else found[0]

    def file_off(self, vaddr):
        for _, p in self.phdrs():
            if p[0] == PT_LOAD and p[3] <= vaddr < p[3] + p[5]:
                return p[2] + vaddr - p[3]
        raise ValueError(hex(vaddr))

    def dyn(self):
        _, p = self.find_ph(PT_DYNAMIC)
        off = p[2]
        while True:
            tag, val = struct.unpack_from("<qQ", self.b, off)
            yield off, tag, val
            if tag == DT_NULL:
                return
            off += 16

    def dyn_get(self, tag):
        return next((o, v) for o, t, v in self.dyn() if t == tag)

    def dyn_set(self, tag, new_tag, new_val):
        off, _ = self.dyn_get(tag)
        struct.pack_into("<qQ", self.b, off, new_tag, new_val)

    def save(self, path):
        open(path, "wb").write(self.b)


def main(d):
    def seed(name):
        return Elf(f"{d}/seed-{name}.so")

    # PT_GNU_RELRO covering far more than the object: the loader would
    # mprotect read-only whatever is mapped after it.
    e = seed("gnuhash")
    off, p = e.find_ph(PT_GNU_RELRO)
    p[5] = p[6] = 1 << 40
    e.set_ph(off, p)
    e.save(f"{d}/crash-relro-outside-object.so")

    # PT_PHDR pointing outside the object: dl_segment_of (relocation),
    # dl_iterate_phdr and the TLS code read p->phdr.
    e = seed("gnuhash")
    off, p = e.find_ph(0x6474E550)  # PT_GNU_EH_FRAME becomes PT_PHDR
    p[0], p[3], p[4] = PT_PHDR, 0x7F0000000000, 0x7F0000000000
    e.set_ph(off, p)
    e.save(f"{d}/crash-phdr-outside-object.so")

    # The first PT_LOAD (string table, hash, symbols) has no PF_R: it is
    # mapped PROT_NONE but is inside the span, so the checks pass and the
    # string table read faults.
    e = seed("gnuhash")
    off, p = e.find_ph(PT_LOAD)
    p[1] = 0
    e.set_ph(off, p)
    e.save(f"{d}/crash-table-in-unreadable-segment.so")

    # DT_STRTAB in the PROT_NONE hole between two segments.
    e = seed("gnuhash")
    off, p = e.find_ph(PT_LOAD, last=True)
    p[3] += 0x10000
    p[4] += 0x10000
    e.set_ph(off, p)
    off, p = e.find_ph(PT_DYNAMIC)
    p[3] += 0x10000
    p[4] += 0x10000
    e.set_ph(off, p)
    off, p = e.find_ph(PT_GNU_RELRO)
    p[3] += 0x10000
    p[4] += 0x10000
    e.set_ph(off, p)
    e.dyn_set(DT_STRTAB, DT_STRTAB, 0x8000)
    e.save(f"{d}/crash-table-in-segment-gap.so")

    # DT_HASH without DT_SYMTAB: SysV lookup indexes a null symbol table.
    e = seed("sysvhash")
    e.dyn_set(DT_SYMTAB, 0x6FFFFE00, 0)  # an unknown tag, ignored
    e.save(f"{d}/crash-sysv-hash-without-symtab.so")

    # Symbol index past the hash table's count: DT_VERSYM is checked for
    # nsyms entries only, but dl_sym_ref (relocation) reads versym[i] for any
    # index dl_sym_valid accepts.  Here the SysV table counts 2 symbols, the
    # version table ends at the end of the span and symbol 5 is valid.
    e = seed("verdef")
    e.dyn_set(DT_GNU_HASH, 0x6FFFFE00, 0)
    h = e.file_off(e.dyn_get(DT_HASH)[1])
    struct.pack_into("<5I", e.b, h, 1, 2, 1, 0, 0)
    _, p = e.find_ph(PT_LOAD, last=True)
    e.dyn_set(DT_VERSYM, DT_VERSYM, (p[3] + p[6] + 0xFFF & ~0xFFF) - 4)
    e.save(f"{d}/crash-versym-beyond-nsyms.so")

    # A GNU hash chain running into a huge zero-filled bss: the count of
    # symbols walks it word by word looking for the chain's end (a hang).
    # The table is moved to the end of the data segment's file bytes.
    e = seed("gnuhash")
    off, p = e.find_ph(PT_LOAD, last=True)
    end = p[3] + p[5]
    p[1], p[6] = 4, 1 << 34  # PF_R only: no memory is committed for it
    e.set_ph(off, p)
    struct.pack_into("<4IQI", e.b, e.file_off(end - 28), 1, 0, 1, 0, ~0 & (2**64 - 1), 1)
    e.dyn_set(DT_GNU_HASH, DT_GNU_HASH, end - 28)
    e.save(f"{d}/crash-gnu-hash-chain-into-bss.so")

    # The same with the symbol table in that bss: bounding the chain by the
    # symbol table's segment is still billions of steps.
    e = seed("gnuhash")
    off, p = e.find_ph(PT_LOAD, last=True)
    end = p[3] + p[5]
    p[1], p[6] = 4, 1 << 39
    e.set_ph(off, p)
    struct.pack_into("<4IQI", e.b, e.file_off(end - 28), 1, 0, 1, 0, ~0 & (2**64 - 1), 1)
    e.dyn_set(DT_GNU_HASH, DT_GNU_HASH, end - 28)
    e.dyn_set(DT_SYMTAB, DT_SYMTAB, end + 0x1000)
    e.save(f"{d}/crash-gnu-hash-chain-symtab-in-bss.so")

    # GNU hash shift2 >= 32: an undefined shift in every lookup.
    e = seed("gnuhash")
    h = e.file_off(e.dyn_get(DT_GNU_HASH)[1])
    struct.pack_into("<I", e.b, h + 12, 200)
    e.save(f"{d}/crash-gnu-hash-shift-ub.so")


main(sys.argv[1])
