# Secure mode end to end: a setuid-root copy of the probe run as nobody.
# GLIBC_TUNABLES, LD_LIBRARY_PATH and LD_PRELOAD must have no effect and be
# gone from the program's environment (as must TMPDIR, from glibc's list),
# while an ordinary variable stays.  The same experiment on a non-setuid
# copy shows each of them working, so the checks can fail; and the same
# experiment with glibc's loader shows the same outcome.
. "$TOP/tests/lib.sh"
. "$TOP/tests/tunables/probe.sh"

if [ "$(id -u)" != 0 ]; then
	skip "secure mode" "needs root to make a setuid-root copy"
	exit 0
fi
if ! have setpriv || ! id nobody >/dev/null 2>&1 || ! getent group nogroup >/dev/null; then
	skip "secure mode" "needs setpriv, user nobody and group nogroup"
	exit 0
fi
if [ "$ARCH" != "$(uname -m)" ]; then
	skip "secure mode" "ARCH=$ARCH is not the host's"
	exit 0
fi
s=$(scratch)
if ! loader_runs_programs "$s"; then
	skip "secure mode" "ld-rseq does not run programs yet"
	exit 0
fi

# Everything nobody must reach lives in a directory nobody can traverse.
d=$(mktemp -d /tmp/ld-rseq-secure.XXXXXX)
trap 'rm -rf "$d"' EXIT
chmod 755 "$d"
mkdir "$d/good" "$d/evil"
cp "$LDSO" "$d/ld-rseq.so.1"

lib() { # OUT MARKER (the file name is the soname)
	$CC -O1 -I"$TOP/arch/$ARCH" -shared -fPIC -nostdlib -Wl,-soname,"${1##*/}" \
		-DMARKER="\"$2\"" -o "$1" "$TOP/tests/tunables/marker.c"
}
if ! { lib "$d/good/libdep.so" "" && lib "$d/evil/libdep.so" 'EVIL-DEP\n' &&
	lib "$d/evil/libpre.so" 'EVIL-PRELOAD\n'; } 2>"$s/build.log"; then
	fail "secure mode: build the libraries" "$(head -c 300 "$s/build.log")"
	exit 0
fi
# The probe needs libdep.so, found by its RUNPATH unless LD_LIBRARY_PATH
# (searched first) is honoured.
deplink=(-Wl,--no-as-needed "$d/good/libdep.so" -Wl,--enable-new-dtags,-rpath,"$d/good")
if ! build_ldso_probe "$d/probe" "$d/ld-rseq.so.1" "${deplink[@]}" 2>"$s/build.log" ||
	! build_glibc_probe "$d/glibc_probe" "${deplink[@]}" 2>>"$s/build.log"; then
	fail "secure mode: build the probes" "$(head -c 300 "$s/build.log")"
	exit 0
fi
for p in probe glibc_probe; do
	cp "$d/$p" "$d/suid_$p"
	chown root:root "$d/suid_$p"
	chmod 4755 "$d/suid_$p"
done

run_as_nobody() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		env -i GLIBC_TUNABLES=glibc.pthread.rseq=0 LD_LIBRARY_PATH="$d/evil" \
		LD_PRELOAD="$d/evil/libpre.so" TMPDIR=/tmp KEEP=1 "$1" 2>&1
}

# What the environment inputs did: one word per effect seen.
effects() {
	local out=$1 e=()
	grep -q EVIL-PRELOAD <<<"$out" && e+=(preload-loaded)
	grep -q EVIL-DEP <<<"$out" && e+=(library-path-used)
	[ "$(rseq_state "$(grep '^rseq_size=' <<<"$out")")" == off ] && e+=(tunable-applied)
	for v in LD_PRELOAD LD_LIBRARY_PATH TMPDIR; do
		grep -q "^env $v=" <<<"$out" && e+=("$v-in-environ")
	done
	echo "${e[*]}"
}

plain=$(run_as_nobody "$d/probe")
check_eq "secure mode: without setuid every input works (control)" \
	"preload-loaded library-path-used tunable-applied LD_PRELOAD-in-environ LD_LIBRARY_PATH-in-environ TMPDIR-in-environ" \
	"$(effects "$plain")"

gsuid=$(run_as_nobody "$d/suid_glibc_probe")
if [ -n "$(effects "$gsuid")" ]; then
	skip "secure mode" "glibc's loader does not see AT_SECURE here (nosuid mount?): $(effects "$gsuid")"
	exit 0
fi

suid=$(run_as_nobody "$d/suid_probe")
check_eq "secure mode: setuid ignores and removes every input" "" "$(effects "$suid")"
check_eq "secure mode: the registration is glibc's choice too" \
	"$(rseq_state "$(grep '^rseq_size=' <<<"$gsuid")")" "$(rseq_state "$(grep '^rseq_size=' <<<"$suid")")"
check "secure mode: GLIBC_TUNABLES gone from environ" \
	bash -c '! grep -q "^env GLIBC_TUNABLES" <<<"$1"' _ "$suid"
check_eq "secure mode: other variables kept" "env KEEP=1" "$(grep '^env ' <<<"$suid")"
check_eq "secure mode: nothing on stderr or stdout besides the probe" "" \
	"$(grep -vE '^(rseq_size=|env )' <<<"$suid")"
