# The GLIBC_TUNABLES parser and secure-mode scrub as a host unit test over a
# table of inputs (tests/unit/tunables_test.c prints one line per check).
. "$TOP/tests/lib.sh"

bin=$TOP/$B/tunables/tunables_test
if [ ! -x "$bin" ]; then
	fail "tunables unit" "$bin missing (built by make check)"
	exit 0
fi
"$bin"
