# Shared by tests/aarch64/*.t (after tests/lib.sh): the cross toolchain,
# qemu-user, and the aarch64 tree built from $TOP.  `make check` runs on
# x86_64, so every script builds the aarch64 loader itself.
XCC=aarch64-linux-gnu-gcc
A64B=$TOP/build/aarch64
A64LDSO=$A64B/ld-rseq.so.1
A64RCC=$A64B/rseq-cc
A64SYSROOT=/usr/aarch64-linux-gnu
A64GLIBC_LDSO=$A64SYSROOT/lib/ld-linux-aarch64.so.1
A64SRC=$TOP/tests/aarch64
# Libc-free test code: no start files, no stack protector (its guard would
# be glibc's), no builtins turned into library calls.
NOLIBC="-O2 -nostdlib -ffreestanding -fno-stack-protector -Wall -Wextra -Werror"

# a64_ready NAME [TOOL...]: prints SKIP for NAME and fails when qemu, the
# cross compiler, the aarch64 glibc or a named tool is missing.
a64_ready() {
	local name=$1 t
	shift
	for t in qemu-aarch64 "$XCC" "$@"; do
		if ! have "$t"; then
			skip "$name" "$t not installed"
			return 1
		fi
	done
	if [ ! -e "$A64GLIBC_LDSO" ]; then
		skip "$name" "no aarch64 glibc at $A64SYSROOT (libc6-arm64-cross)"
		return 1
	fi
}

# a64_build: make the aarch64 tree; prints the make output on failure.  A
# clean make environment: what tests/run exports for x86_64 (CC, B,
# GLIBC_LDSO) and variables given to an outer `make check` must not reach the
# cross build.
a64_build() {
	local out
	if ! out=$(cd "$TOP" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CC -u B -u GLIBC_LDSO \
		make -s ARCH=aarch64 CROSS_COMPILE=aarch64-linux-gnu- 2>&1); then
		echo "$out" | tail -20
		return 1
	fi
}

# Run an aarch64 program under glibc's loader / under ld-rseq (its own
# PT_INTERP).  qemu -E sets the variable for the guest only.
run_glibc() { qemu-aarch64 -L "$A64SYSROOT" "$@"; }
run_ours() { qemu-aarch64 "$@"; }
