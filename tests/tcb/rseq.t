#!/usr/bin/env bash
# rseq registration as programs see it (SPEC 4), the same sources under
# glibc's ld.so (built with gcc) and under ld-rseq (built with rseq-cc):
# registered in main and in a library constructor, EBUSY on re-registration
# at tp + __rseq_offset, alignment, not overlapping (under ld-rseq: below)
# every TLS block, __rseq_size against AT_RSEQ_FEATURE_SIZE, a non-PIE
# program's COPY of __rseq_*; rseq denied by seccomp (ENOSYS, EPERM), turned
# off by glibc.pthread.rseq=0, under valgrind; a per-CPU counter updated by
# rseq critical sections from 16 threads; LD_DEBUG=rseq,tls and --list.
. "$TOP/tests/lib.sh"
d=$(scratch)
src=$TOP/tests/tcb
RSEQ_CC=$TOP/$B/rseq-cc
W=(-O2 -g -Wall -Wextra -Werror)

# run LABEL CMD...: the program prints PASS/FAIL/SKIP lines; prefix them,
# and fail when it exits non-zero without saying why or checks nothing.
# RUN_ENV holds VAR=value settings.
RUN_ENV=()
run() {
	local label=$1 out rc; shift
	out=$(timeout 120 env "${RUN_ENV[@]}" "$@" 2>&1); rc=$?
	grep -E '^(PASS|FAIL|SKIP): ' <<<"$out" | sed -E "s/^(PASS|FAIL|SKIP): /\1: $label: /"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL: ' <<<"$out"; then
		fail "$label: runs" "status $rc: $(tail -3 <<<"$out" | tr '\n' ' ')"
	elif ! grep -qE '^(PASS|SKIP): ' <<<"$out"; then
		fail "$label: runs" "no check ran: $(tail -3 <<<"$out" | tr '\n' ' ')"
	fi
}

# The kernel's hints, from the auxiliary vector of a process of this shell.
read -ra av < <(od -An -v -tu8 /proc/self/auxv | tr -s ' \n' ' ')
FEAT=0 ALIGN=0
for ((i = 0; i + 1 < ${#av[@]}; i += 2)); do
	[ "${av[i]}" = 27 ] && FEAT=${av[i+1]}
	[ "${av[i]}" = 28 ] && ALIGN=${av[i+1]}
done
echo "# AT_RSEQ_FEATURE_SIZE=$FEAT AT_RSEQ_ALIGN=$ALIGN"

$HOSTCC -O2 -o "$d/seccomp_exec" "$src/seccomp_exec.c" ||
	{ fail "build seccomp_exec" "compiler failed"; exit 0; }

# Build PROG variants for one toolchain into DIR: librseqdso.so, prog (PIE),
# prog-nopie (COPY relocations of __rseq_*), percpu, and for ld-rseq thread_api.
build() {
	local dir=$1; shift
	mkdir -p "$dir"
	"$@" "${W[@]}" -fPIC -shared -Wl,-soname,librseqdso.so -o "$dir/librseqdso.so" "$src/rseq_dso.c" &&
	"$@" "${W[@]}" -fPIE -pie -o "$dir/prog" "$src/rseq_main.c" -L"$dir" -lrseqdso -Wl,-rpath,"$dir" &&
	"$@" "${W[@]}" -fno-pie -no-pie -o "$dir/prog-nopie" "$src/rseq_main.c" -L"$dir" -lrseqdso \
		-Wl,-rpath,"$dir" &&
	"$@" "${W[@]}" -pthread -o "$dir/percpu" "$src/rseq_percpu.c"
}

# Every configuration, for one loader.
suite() {
	local L=$1 dir=$2 p
	for p in prog prog-nopie; do
		RUN_ENV=(RSEQ_LOADER=$L)
		run "$L $p" "$dir/$p"
		RUN_ENV=(RSEQ_LOADER=$L RSEQ_EXPECT=unregistered RSEQ_OWN=ENOSYS)
		run "$L $p seccomp ENOSYS" "$d/seccomp_exec" ENOSYS "$dir/$p"
		RUN_ENV=(RSEQ_LOADER=$L RSEQ_EXPECT=unregistered RSEQ_OWN=EPERM)
		run "$L $p seccomp EPERM" "$d/seccomp_exec" EPERM "$dir/$p"
		RUN_ENV=(RSEQ_LOADER=$L RSEQ_EXPECT=unregistered RSEQ_OWN=ENOSYS RSEQ_NO_GETCPU=1)
		run "$L $p seccomp ENOSYS, no getcpu(2)" "$d/seccomp_exec" ENOSYS,getcpu "$dir/$p"
		RUN_ENV=(RSEQ_LOADER=$L RSEQ_EXPECT=unregistered RSEQ_OWN=ok
			 GLIBC_TUNABLES=glibc.pthread.rseq=0)
		run "$L $p glibc.pthread.rseq=0" "$dir/$p"
	done
	if have valgrind; then
		# Valgrind does not implement rseq(2): ENOSYS.
		RUN_ENV=(RSEQ_LOADER=$L RSEQ_EXPECT=unregistered RSEQ_OWN=ENOSYS)
		run "$L prog valgrind" valgrind -q --error-exitcode=99 "$dir/prog"
	else
		skip "$L prog valgrind" "valgrind not installed"
	fi
	RUN_ENV=()
	run "$L per-CPU counter" "$dir/percpu"
	# With registration off the counter must notice (__rseq_size 0) and not
	# run its critical section at all.
	check_match "$L per-CPU counter glibc.pthread.rseq=0: sees no registration" \
		"rseq not registered" \
		"$(env GLIBC_TUNABLES=glibc.pthread.rseq=0 timeout 60 "$dir/percpu" 2>&1)"
	RUN_ENV=()
}

# glibc: the reference for everything both loaders must agree on.
mkdir -p "$d/inc"
cp -R "$TOP/include/ld-rseq" "$d/inc/"
if build "$d/glibc" $HOSTCC -I"$d/inc"; then
	suite glibc "$d/glibc"
else
	fail "build with gcc against glibc" "compiler failed"
fi

if [ ! -x "$RSEQ_CC" ] || [ ! -e "$LDSO" ]; then
	skip "ld-rseq rseq checks" "$B/rseq-cc or the loader not built"
	exit 0
fi
if ! build "$d/rseq" "$RSEQ_CC" || ! "$RSEQ_CC" "${W[@]}" -o "$d/rseq/thread_api" "$src/thread_api.c"; then
	fail "build with rseq-cc" "compiler failed"
	exit 0
fi
relocs=$(readelf -rW "$d/rseq/prog-nopie")
check_match "non-PIE program COPY-relocates __rseq_size" 'R_X86_64_COPY[^\n]*__rseq_size' "$relocs"
check_match "non-PIE program COPY-relocates __rseq_offset" 'R_X86_64_COPY[^\n]*__rseq_offset' "$relocs"
suite ldrseq "$d/rseq"
run "ldrseq thread API" "$d/rseq/thread_api"
RUN_ENV=(GLIBC_TUNABLES=glibc.pthread.rseq=0)
run "ldrseq thread API glibc.pthread.rseq=0" "$d/rseq/thread_api"
RUN_ENV=()

# Diagnostics: the numbers come from this machine's auxv, the formulas from SPEC 4.
feature=$((FEAT > 20 ? FEAT : 20)) al=$((ALIGN > 32 ? ALIGN : 32))
len=$((feature > 32 ? feature : 32))
area=$(( ( (feature > 32 ? feature : 32) + al - 1) / al * al ))
dbg=$(LD_DEBUG=rseq "$d/rseq/prog" 2>&1 >/dev/null)
check_match "LD_DEBUG=rseq prints the kernel hints" "feature size $FEAT.*align $ALIGN" "$dbg"
check_match "LD_DEBUG=rseq prints the area" "area at tp-[0-9]+.*: $area bytes, align $al, feature size $feature" "$dbg"
check_match "LD_DEBUG=rseq prints the registration" "registration with length $len: ok" "$dbg"
dbg=$(LD_DEBUG=tls "$d/rseq/prog" 2>&1 >/dev/null)
check_match "LD_DEBUG=tls prints the program's block" "module 1 .*offset -[0-9]+" "$dbg"
check_match "LD_DEBUG=tls prints the library's block" "module 2 .*librseqdso.so: offset -[0-9]+" "$dbg"
dbg=$(GLIBC_TUNABLES=glibc.pthread.rseq=0 LD_DEBUG=rseq "$d/rseq/prog" 2>&1 >/dev/null)
check_match "LD_DEBUG=rseq says disabled" "disabled by glibc.pthread.rseq=0" "$dbg"
dbg=$("$d/seccomp_exec" EPERM /usr/bin/env LD_DEBUG=rseq "$d/rseq/prog" 2>&1 >/dev/null)
check_match "LD_DEBUG=rseq reports EPERM" "failed, EPERM" "$dbg"
lst=$("$LDSO" --list "$d/rseq/prog" 2>&1)
check_match "--list shows the rseq area" "rseq area at tp-[0-9]+: $area bytes, align $al" "$lst"

# qemu-user passes no rseq hints and has no rseq(2): the old-kernel layout
# (feature 20, 32 bytes at 32) and a failed registration the program survives.
if have qemu-x86_64; then
	RUN_ENV=(RSEQ_LOADER=ldrseq RSEQ_EXPECT=unregistered RSEQ_OWN=ENOSYS)
	run "ldrseq prog qemu-x86_64 (no hints)" qemu-x86_64 "$d/rseq/prog"
	RUN_ENV=()
	dbg=$(LD_DEBUG=rseq qemu-x86_64 "$d/rseq/prog" 2>&1 >/dev/null)
	check_match "no hints: LD_DEBUG=rseq says absent" "feature size 0 \(absent\), align 0 \(absent\)" "$dbg"
	check_match "no hints: 32-byte area at 32, feature size 20" "area at tp-[0-9]+ .*: 32 bytes, align 32, feature size 20" "$dbg"
	check_match "no hints: registration length 32, ENOSYS" "registration with length 32: failed, ENOSYS" "$dbg"
else
	skip "ldrseq prog qemu-x86_64 (no hints)" "qemu-x86_64 missing"
fi

# aarch64 (TLS variant I: the area above every block) under qemu-user, which
# has no rseq(2): the registration fails with ENOSYS and the program runs.
A64_CC=$TOP/build/aarch64/rseq-cc
if [ ! -x "$A64_CC" ] || ! have qemu-aarch64; then
	skip "aarch64 rseq layout under qemu" "build/aarch64/rseq-cc or qemu-aarch64 missing"
	exit 0
fi
a=$d/aarch64
mkdir -p "$a"
if "$A64_CC" "${W[@]}" -fPIC -shared -Wl,-soname,librseqdso.so -o "$a/librseqdso.so" "$src/rseq_dso.c" &&
   "$A64_CC" "${W[@]}" -o "$a/prog" "$src/rseq_main.c" -L"$a" -lrseqdso -Wl,-rpath,"$a" &&
   "$A64_CC" "${W[@]}" -o "$a/thread_api" "$src/thread_api.c"; then
	RUN_ENV=(RSEQ_LOADER=ldrseq RSEQ_EXPECT=unregistered RSEQ_OWN=ENOSYS)
	run "aarch64 qemu prog" qemu-aarch64 "$a/prog"
	RUN_ENV=()
	run "aarch64 qemu thread API" qemu-aarch64 "$a/thread_api"
else
	fail "build with build/aarch64/rseq-cc" "compiler failed"
fi
