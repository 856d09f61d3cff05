#!/usr/bin/env bash
# Regenerate the ELF fuzz seeds in tests/corpus/elf (x86_64 host): tiny
# libc-free shared objects, each using a different part of the reader (hash
# styles, versions, TLS, init arrays, RELR, dependencies), stripped, plus a
# few defects made by tests/malformed/mutate.c, and the crash-*.so
# reproducers (tests/fuzz/elf_crashes.py).  The committed files are this
# script's output; run it from the top of the tree.
set -eu
out=tests/corpus/elf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
so() { # so NAME CFLAGS/LDFLAGS... < source
	gcc -x c - -o "$tmp/$1" -O1 -fPIC -nostdlib -shared -Wl,-z,noseparate-code \
		-Wl,-z,max-page-size=4096 -Wl,--build-id=none "${@:2}"
	strip -R .comment "$tmp/$1"
}
rm -f "$out"/seed-*.so "$out"/mut-*.so "$out"/crash-*.so

so seed-gnuhash.so -Wl,--hash-style=gnu -Wl,-soname,libf.so <<'EOF'
int v = 1, w;
int f(int x) { return x + v; }
int g(void) { return f(w); }
EOF
so seed-sysvhash.so -Wl,--hash-style=sysv -Wl,-z,now <<'EOF'
extern int ext;
int f(void) { return ext; }
static int h(void) { return 2; }
int (*fp)(void) = h;
EOF
printf 'V1 { global: f; local: *; };\nV2 { global: f2; } V1;\n' >"$tmp/ver.map"
so seed-verdef.so -Wl,--hash-style=both -Wl,--version-script="$tmp/ver.map" \
	-Wl,-soname,libver.so <<'EOF'
int f_old(void) { return 1; }
int f_new(void) { return 2; }
int f2(void) { return 3; }
__asm__(".symver f_old,f@V1");
__asm__(".symver f_new,f@@V2");
EOF
so seed-verneed.so -Wl,--hash-style=gnu -L"$tmp" -l:seed-verdef.so -Wl,-rpath,'$ORIGIN' <<'EOF'
int f(void); int f2(void);
int use(void) { return f() + f2(); }
EOF
so seed-tls.so -Wl,--hash-style=gnu -Wl,-z,relro -Wl,-z,now <<'EOF'
__thread int t1 = 5;
__thread char t2[64];
int *tp(void) { return &t1; }
char *tq(void) { return t2; }
EOF
so seed-initfini.so -Wl,--hash-style=gnu <<'EOF'
static int n;
__attribute__((constructor)) static void c(void) { n++; }
__attribute__((destructor)) static void d(void) { n--; }
int get(void) { return n; }
EOF
so seed-relr.so -Wl,--hash-style=gnu -Wl,-z,pack-relative-relocs <<'EOF'
static int a[8];
int *p[8] = { &a[0], &a[1], &a[2], &a[3], &a[4], &a[5], &a[6], &a[7] };
EOF
so seed-protected.so -Wl,--hash-style=both -Wl,-Bsymbolic <<'EOF'
__attribute__((visibility("protected"))) int pv = 3;
__attribute__((weak)) int wk(void) { return pv; }
extern int undef_weak __attribute__((weak));
int *uw(void) { return &undef_weak; }
EOF
for f in "$tmp"/seed-*.so; do cp "$f" "$out/"; done

gcc -O2 -o "$tmp/mutate" tests/malformed/mutate.c
mut() { "$tmp/mutate" "$1" "$out/$2" "$out/mut-$1.so"; }
mut gnu-hash-chain-unterminated seed-gnuhash.so
mut sysv-hash-loop seed-sysvhash.so
mut dynamic-out-of-range seed-tls.so
mut reloc-sym-out-of-range seed-sysvhash.so
mut load-overlap seed-verdef.so
python3 tests/fuzz/elf_crashes.py "$out"
