# Helpers for tests/elf/*.t: build libc-free programs and libraries, run
# each one under glibc's ld.so and under ld-rseq (as PT_INTERP via patchelf
# and as a command), compare.  Source after tests/lib.sh.

ELF_SRC=$TOP/tests/elf
CFLAGS_T=(-O2 -g -fPIC -nostdlib -fno-stack-protector -fno-builtin
	  -I"$ELF_SRC/common" -Wall -Werror)

# cc_t ARGS...: compile/link with the libc-free flags; dies on error so a
# broken source shows up as a failed check, not as a silent mismatch.
cc_t() {
	"$CC" "${CFLAGS_T[@]}" "$@" || { fail "build: $*" "compiler failed"; exit 1; }
}

# lib_t OUT SONAME ARGS...: a shared library.
lib_t() {
	local out=$1 so=$2; shift 2
	cc_t -shared -Wl,-soname,"$so" -o "$out" "$@"
}

# copies PROG: PROG.glibc and PROG.rseq next to PROG (same $ORIGIN) with
# the interpreter set to each loader.
copies() {
	local p=$1
	cp "$p" "$p.glibc" && patchelf --set-interpreter "$GLIBC_LDSO" "$p.glibc" &&
	cp "$p" "$p.rseq" && patchelf --set-interpreter "$LDSO" "$p.rseq" ||
		{ fail "patchelf $p" "patchelf failed"; exit 1; }
}

# run_mode MODE PROG ARGS...: sets OUT (stdout plus a last line exit=N),
# ERR (stderr) and RC.  MODE: glibc | rseq (PT_INTERP copies), glibc-direct |
# rseq-direct (loader as a command, options from the DIRECT_OPTS array).
# The ENVS array holds VAR=value settings for the program only; GLIBC_ENVS
# and RSEQ_ENVS are added for one loader's runs (for the rare case where the
# two need different files, e.g. glibc's ld.so as DT_NEEDED).
ENVS=() DIRECT_OPTS=() GLIBC_ENVS=() RSEQ_ENVS=()
run_mode() {
	local mode=$1 p=$2; shift 2
	local cmd envs=("${ENVS[@]}")
	if [[ $mode == glibc* ]]; then envs+=("${GLIBC_ENVS[@]}"); else envs+=("${RSEQ_ENVS[@]}"); fi
	case $mode in
	glibc) cmd=("$p.glibc") ;;
	rseq) cmd=("$p.rseq") ;;
	glibc-direct) cmd=("$GLIBC_LDSO" "${DIRECT_OPTS[@]}" "$p") ;;
	rseq-direct) cmd=("$LDSO" "${DIRECT_OPTS[@]}" "$p") ;;
	esac
	local ef
	ef=$(mktemp)
	OUT=$(timeout 10 env "${envs[@]}" "${cmd[@]}" "$@" 2>"$ef"; echo "exit=$?")
	RC=${OUT##*exit=}
	ERR=$(cat "$ef")
	rm -f "$ef"
}

# compare NAME EXPECTED PROG ARGS...: EXPECTED (hand-written from the ELF
# rules, "exit=N" last) must be glibc's output as interpreter and as a
# command; ld-rseq must then print exactly what glibc printed, both ways.
# EXPECTED "-" skips the hand-written check (glibc is the reference).
compare() {
	local name=$1 exp=$2 p=$3; shift 3
	[ -e "$p.rseq" ] || copies "$p"
	local g gd
	run_mode glibc "$p" "$@"; g=$OUT
	run_mode glibc-direct "$p" "$@"; gd=$OUT
	if [ "$exp" != - ]; then
		check_same "$name [glibc]" "$exp" "$g"
	fi
	check_same "$name [glibc direct]" "$g" "$gd"
	run_mode rseq "$p" "$@"
	check_same "$name [ld-rseq]" "$g" "$OUT" "$ERR"
	run_mode rseq-direct "$p" "$@"
	check_same "$name [ld-rseq direct]" "$gd" "$OUT" "$ERR"
}

# compare_direct NAME EXPECTED PROG ARGS...: both loaders as commands only
# (for DIRECT_OPTS that have no PT_INTERP equivalent).
compare_direct() {
	local name=$1 exp=$2 p=$3; shift 3
	local g
	run_mode glibc-direct "$p" "$@"; g=$OUT
	[ "$exp" != - ] && check_same "$name [glibc direct]" "$exp" "$g"
	run_mode rseq-direct "$p" "$@"
	check_same "$name [ld-rseq direct]" "$g" "$OUT" "$ERR"
}

# check_same NAME EXPECTED ACTUAL [STDERR]: like check_eq, but a failure names the
# first line that differs (outputs here are long and mostly equal).
check_same() {
	if [ "$2" == "$3" ]; then pass "$1"; return; fi
	local -a e a
	local i=0
	mapfile -t e <<<"$2"
	mapfile -t a <<<"$3"
	while [ "${e[i]-}" == "${a[i]-}" ]; do i=$((i + 1)); done
	fail "$1" "line $((i + 1)): expected [${e[i]-<end>}] got [${a[i]-<end>}] (${#a[@]} lines)${4:+ stderr: $(head -c 200 <<<"$4")}"
}

# lines TEXT...: join arguments with newlines (for EXPECTED).
lines() { printf '%s\n' "$@"; }

# The SPEC error format: exactly one line "ld-rseq: PROGRAM: ..." on stderr.
# check_rseq_error NAME REGEX: on the last run_mode's ERR/RC.
check_rseq_error() {
	local name=$1 re=$2 n
	check_same "$name [ld-rseq status]" 127 "$RC"
	n=$(grep -c '' <<<"$ERR")
	[ -z "$ERR" ] && n=0
	check_same "$name [ld-rseq one stderr line]" 1 "$n"
	check_match "$name [ld-rseq message]" "^ld-rseq: $re" "$ERR"
}

have patchelf || { skip "tests/elf" "patchelf not installed"; exit 0; }
[ "$ARCH" = "$(uname -m)" ] || { skip "tests/elf" "ARCH=$ARCH is not the host's"; exit 0; }
