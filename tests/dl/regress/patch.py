#!/usr/bin/env python3
"""Corrupt an ELF64 little-endian object for tests/dl/regress.t.

  patch.py relr FILE ADDR         first DT_RELR word := ADDR (an address entry)
  patch.py symsize FILE NAME SIZE st_size of dynamic symbol NAME := SIZE
"""
import struct
import sys


def sections(d):
    shoff, = struct.unpack_from('<Q', d, 0x28)
    shentsize, shnum = struct.unpack_from('<HH', d, 0x3a)
    return [struct.unpack_from('<IIQQQQIIQQ', d, shoff + i * shentsize)
            for i in range(shnum)]


def patch_relr(d, addr):
    for s in sections(d):
        if s[1] == 19:  # SHT_RELR
            struct.pack_into('<Q', d, s[4], addr)
            return
    sys.exit('patch.py: no SHT_RELR section')


def patch_symsize(d, name, size):
    secs = sections(d)
    for s in secs:
        if s[1] != 11:  # SHT_DYNSYM
            continue
        stroff = secs[s[6]][4]
        for k in range(s[5] // 24):
            o = s[4] + k * 24
            nm, = struct.unpack_from('<I', d, o)
            if d[stroff + nm:d.index(b'\0', stroff + nm)] == name:
                struct.pack_into('<Q', d, o + 16, size)
                return
    sys.exit('patch.py: no dynamic symbol ' + name.decode())


def main():
    what, fn = sys.argv[1], sys.argv[2]
    d = bytearray(open(fn, 'rb').read())
    if what == 'relr':
        patch_relr(d, int(sys.argv[3], 0))
    elif what == 'symsize':
        patch_symsize(d, sys.argv[3].encode(), int(sys.argv[4], 0))
    else:
        sys.exit('patch.py: unknown command ' + what)
    open(fn, 'wb').write(d)


main()
