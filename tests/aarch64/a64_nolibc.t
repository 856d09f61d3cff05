#!/usr/bin/env bash
# Libc-free aarch64 programs and libraries (own _start, raw system calls),
# run by glibc's aarch64 ld.so and by ld-rseq under qemu-user, outputs
# compared: TLS through initial-exec, TLS descriptors and __tls_get_addr;
# COPY, GLOB_DAT, JUMP_SLOT, ABS64, RELATIVE, IRELATIVE relocations; preinit,
# init and fini order; the IFUNC resolver's arguments; the rseq state after
# qemu-user's ENOSYS.  Then ld-rseq's variant I rseq placement: above every
# TLS block.
. "$TOP/tests/lib.sh"
. "$TOP/tests/aarch64/a64.sh"
a64_ready aarch64-nolibc patchelf || exit 0
d=$(scratch)
if ! a64_build; then fail aarch64-nolibc-build "make ARCH=aarch64 failed"; exit 0; fi

# Three copies of the libraries, differing only in how the loader's symbols
# (__tls_get_addr, __rseq_*) are found: g/ names glibc's ld.so (which also
# needs its libc.so.6 stub, see glibc_stub.c), r/ names ld-rseq, n/ names no
# loader (ld-rseq sits last in the global scope regardless).
build_libs() { # DIR LOADER-LIB...
	local dir=$d/$1
	shift
	mkdir -p "$dir" &&
	"$XCC" $NOLIBC -fPIC -shared -o "$dir/libt.so" "$A64SRC/libt.c" &&
	"$XCC" $NOLIBC -fPIC -shared -mtls-dialect=trad -o "$dir/libg.so" "$A64SRC/libg.c" \
		-Wl,--no-as-needed "$@" &&
	"$XCC" $NOLIBC -fPIC -shared -o "$dir/libu.so" "$A64SRC/libu.c" -L"$dir" -lt \
		-Wl,--no-as-needed "$@"
}
if ! { mkdir -p "$d/g" &&
	"$XCC" $NOLIBC -fno-builtin -fPIC -shared -Wl,-soname,libc.so.6 \
		-Wl,--version-script="$A64SRC/glibc_stub.map" -o "$d/g/libc.so.6" "$A64SRC/glibc_stub.c" &&
	build_libs g "$A64GLIBC_LDSO" "$d/g/libc.so.6" &&
	build_libs r "$A64LDSO" && build_libs n &&
	"$XCC" $NOLIBC -fPIE -pie -o "$d/pie" "$A64SRC/start.S" "$A64SRC/main.c" \
		-L"$d/n" -lt -lg -lu -Wl,--allow-shlib-undefined &&
	"$XCC" $NOLIBC -fno-pie -no-pie -o "$d/nopie" "$A64SRC/start.S" "$A64SRC/main.c" \
		-L"$d/n" -lt -lg -lu -Wl,--allow-shlib-undefined; }; then
	fail aarch64-nolibc-compile "cross compilation failed"
	exit 0
fi
pass aarch64-nolibc-compile

# The relocation types this test is about are really in the objects.
relocs=$(cd "$d" && for f in pie nopie n/*.so; do aarch64-linux-gnu-readelf -rW "$f"; done |
	awk '$3 ~ /^R_AARCH64_/ {print $3}' | sort -u | tr '\n' ' ')
for r in ABS64 COPY GLOB_DAT JUMP_SLOT RELATIVE TLS_DTPMOD64 TLS_DTPREL64 TLS_TPREL64 \
	TLSDESC IRELATIVE; do
	check_match "aarch64-nolibc-has-R_AARCH64_$r" "R_AARCH64_$r( |$)" "$relocs"
done

for p in pie nopie; do
	cp "$d/$p" "$d/$p.rseq"
	patchelf --set-interpreter "$A64LDSO" "$d/$p.rseq"
	exp=$(cd "$d" && run_glibc -E LD_LIBRARY_PATH=g ./$p; echo "status $?")
	got=$(cd "$d" && run_ours -E LD_LIBRARY_PATH=r ./$p.rseq; echo "status $?")
	check_match "aarch64-nolibc-$p-glibc-runs" 'ie_lt_a=7' "$exp"
	# glibc's loader leaves the program's own constructors to libc.so.6's
	# start code; ld-rseq runs them (the program has no libc): the one line
	# that differs by design.
	check_eq "aarch64-nolibc-$p-vs-glibc" "$exp" "$(grep -v '^ctor main' <<<"$got")"
	# ld-rseq runs the program's constructor after every library's (in
	# glibc's order) and before the entry point; it sees the initial TLS
	# values of the program (5) and of libt (7).
	n=$(grep -c '^\(preinit\|ctor\) ' <<<"$exp")
	check_eq "aarch64-nolibc-$p-init-order" "$(head -n "$n" <<<"$exp"; echo 'ctor main 12')" \
		"$(head -n $((n + 1)) <<<"$got")"
	got_n=$(cd "$d" && run_ours -E LD_LIBRARY_PATH=n ./$p.rseq; echo "status $?")
	check_eq "aarch64-nolibc-$p-global-scope" "$got" "$got_n"
	# Direct invocation of the loader on the unmodified program.
	got_d=$(cd "$d" && run_ours "$A64LDSO" --library-path r ./$p; echo "status $?")
	check_eq "aarch64-nolibc-$p-direct" "$got" "$got_d"
done

# What an IFUNC resolver receives: AT_HWCAP with _IFUNC_ARG_HWCAP and the
# __ifunc_arg_t pointer, as from glibc's loader.
exp=$(cd "$d" && run_glibc -E LD_LIBRARY_PATH=g ./pie ifunc-arg | grep '^ifunc_arg=')
got_i=$(cd "$d" && run_ours -E LD_LIBRARY_PATH=r ./pie.rseq ifunc-arg | grep '^ifunc_arg=')
check_match aarch64-ifunc-arg-glibc "^ifunc_arg=111$" "$exp"
check_eq aarch64-ifunc-arg-vs-glibc "$exp" "$got_i"

# qemu-user has no rseq(2): registration fails cleanly.  Asserted from the
# raw system call's answer, not assumed.
if grep -qx 'raw_rseq=-38' <<<"$got"; then
	check_eq aarch64-rseq-enosys-size "rseq_size=0" "$(grep '^rseq_size=' <<<"$got")"
	check_eq aarch64-rseq-enosys-cpu-id "rseq_cpu_id=-2" "$(grep '^rseq_cpu_id=' <<<"$got")"
elif grep -q '^raw_rseq=' <<<"$got"; then
	skip aarch64-rseq-enosys "this qemu implements rseq: $(grep '^raw_rseq=' <<<"$got")"
else
	fail aarch64-rseq-enosys "the program did not get to its rseq probe"
fi

# Variant I: the area at a positive offset, 32-byte aligned, beyond the end
# of every TLS block (the program's, an initial-exec library's, a
# general-dynamic one's), its other fields zero.
lay=$(cd "$d" && run_ours -E LD_LIBRARY_PATH=r ./pie.rseq layout)
for k in offset_positive=1 area_aligned32=1 area_above_tls=1 area_cpu_id_start=0 \
	area_rseq_cs=0 area_flags=0; do
	if grep -qx "$k" <<<"$lay"; then pass "aarch64-rseq-layout-${k%=*}"; else
		fail "aarch64-rseq-layout-${k%=*}" "want $k, got: $(grep "^${k%=*}=" <<<"$lay")"
	fi
done
# The offset the program sees is the one the loader reports.
off=$(cd "$d" && LD_LIBRARY_PATH= run_ours -E LD_LIBRARY_PATH=r "$A64LDSO" --list ./pie |
	sed -n 's/.*rseq area at tp+\([0-9]*\):.*/\1/p')
check_eq aarch64-rseq-layout-list "$(grep '^offset=' <<<"$lay")" "offset=$off"
