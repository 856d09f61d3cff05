#!/usr/bin/env bash
# The manual pages: every page under doc/ renders without a groff warning,
# cross-references between the project's pages resolve, and ld-rseq(8)
# cannot fall behind the loader: each option of --help, each tunable of
# --list-tunables and each LD_DEBUG category the loader accepts is
# described, and each option the page describes is one the loader has.
. "$TOP/tests/lib.sh"

pages=("$TOP"/doc/*.[1-8])
page=$TOP/doc/ld-rseq.8

if have groff; then
	for p in "${pages[@]}"; do
		out=$(groff -man -ww -z "$p" 2>&1)
		check_eq "man: $(basename "$p") renders without warnings" "" "$out"
	done
else
	skip "man: render" "groff not installed"
fi

# References to this project's pages name a page that exists in doc/.
for p in "${pages[@]}"; do
	refs=$(grep -oE '^\.BR? (ld\\-rseq|rseq\\-cc)[a-z\\.-]* \([1-8]\)' "$p" |
	       sed -E 's/^\.BR? //; s/\\-/-/g; s/ \(([1-8])\)$/.\1/' | sort -u)
	for r in $refs; do
		check "man: $(basename "$p") refers to an existing page $r" test -f "$TOP/doc/$r"
	done
done

# The page's text with the roff escapes that split words removed.
text=$(sed -E 's/\\f(\[[A-Z]*\]|\(..|.)//g; s/\\-/-/g; s/\\&//g; s/\\%//g' "$page")
mentions() { grep -qE -- "(^|[^A-Za-z0-9_.-])$1([^A-Za-z0-9_-]|$)" <<<"$text"; }
quote() { sed 's/[.]/\\./g' <<<"$1"; }

if [ "$ARCH" != "$(uname -m)" ]; then
	skip "man: ld-rseq.8 against the loader" "runs natively only ($ARCH build on $(uname -m))"
	exit 0
fi

help=$("$LDSO" --help 2>&1)
opts=$(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$help" | sort -u)
if [ -z "$opts" ]; then
	fail "man: --help lists options" "[$help]"
else
	for o in $opts; do
		if mentions "$o"; then pass "man: ld-rseq.8 describes $o"; else
			fail "man: ld-rseq.8 describes $o" "not found in doc/ld-rseq.8"
		fi
	done
fi

# Options the OPTIONS section describes must be ones --help lists.
documented=$(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$page" |
	     grep -oE '^\.BI? \\-\\-[a-z][a-z0-9\\-]*' | sed -E 's/^\.BI? //; s/\\-/-/g' | sort -u)
[ -n "$documented" ] || fail "man: OPTIONS section lists options" "none found"
for o in $documented; do
	if grep -qE -- "(^|[^a-z-])$o([^a-z-]|$)" <<<"$help"; then
		pass "man: documented option $o exists"
	else
		fail "man: documented option $o exists" "not in ld-rseq.so.1 --help"
	fi
done

tunables=$("$LDSO" --list-tunables 2>&1 | sed -n 's/^\([a-z0-9_.]*\): .*/\1/p')
if [ -z "$tunables" ]; then
	fail "man: --list-tunables lists tunables" "no output"
else
	for t in $tunables; do
		if mentions "$(quote "$t")"; then pass "man: ld-rseq.8 describes tunable $t"; else
			fail "man: ld-rseq.8 describes tunable $t" "not found in doc/ld-rseq.8"
		fi
	done
fi

# LD_DEBUG=help lists the categories; the page's LD_DEBUG entry names each.
cats=$(LD_DEBUG=help "$LDSO" 2>&1 | sed -n 's/^  \([a-z]*\)$/\1/p')
debug_entry=$(sed -n '/^\.B LD_DEBUG$/,/^\.B LD_TRACE_LOADED_OBJECTS$/p' "$page")
if [ -z "$cats" ]; then
	fail "man: LD_DEBUG=help lists categories" "no output"
else
	for c in $cats; do
		if grep -qx "\.B $c" <<<"$debug_entry"; then
			pass "man: ld-rseq.8 describes LD_DEBUG=$c"
		else
			fail "man: ld-rseq.8 describes LD_DEBUG=$c" "not in the LD_DEBUG entry"
		fi
	done
fi
