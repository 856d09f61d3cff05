# Helpers for tests/**/*.t.  Source it; each check prints one result line.
# Environment from tests/run: TOP, B, ARCH, CC, HOSTCC, LDSO, GLIBC_LDSO, T.

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: ${2:-}"; }
skip() { echo "SKIP: $1: ${2:-}"; }

# have TOOL: is an optional tool installed?
have() { command -v "$1" >/dev/null 2>&1; }

# check NAME CMD...: pass when CMD exits 0.
check() {
	local name=$1; shift
	if "$@"; then pass "$name"; else fail "$name" "command failed: $*"; fi
}

# check_eq NAME EXPECTED ACTUAL
check_eq() {
	if [ "$2" == "$3" ]; then pass "$1"; else
		fail "$1" "expected [$(head -c 300 <<<"$2")] got [$(head -c 300 <<<"$3")]"
	fi
}

# check_match NAME REGEX ACTUAL
check_match() {
	if [[ $3 =~ $2 ]]; then pass "$1"; else
		fail "$1" "[$(head -c 300 <<<"$3")] does not match /$2/"
	fi
}

# A scratch directory per test script.
scratch() {
	local d=$T/$(basename "${BASH_SOURCE[1]}" .t)
	rm -rf "$d" && mkdir -p "$d" && echo "$d"
}
