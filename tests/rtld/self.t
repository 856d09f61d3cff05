#!/usr/bin/env bash
# The loader relocates itself before it can call anything: rtld/start.c
# applies only relative relocations, so the linked loader must have no
# other kind, no interpreter and no dependencies.
. "$TOP/tests/lib.sh"
if ! have readelf; then
	skip "loader self-relocation" "readelf missing"
	exit 0
fi
relocs=$(readelf -rW "$LDSO" | awk '/^[0-9a-f]+ +[0-9a-f]+ +R_/ {print $3}' | sort -u)
check_match "loader: only relative relocations" '^(R_[A-Z0-9_]+_RELATIVE)?$' "$relocs"
check_eq "loader: no PT_INTERP" "" "$(readelf -lW "$LDSO" | grep -c 'Requesting program interpreter' | grep -v '^0$')"
check_eq "loader: no DT_NEEDED" "" "$(readelf -dW "$LDSO" | grep NEEDED)"
check_match "loader: soname ld-rseq.so.1" 'SONAME.*\[ld-rseq\.so\.1\]' "$(readelf -dW "$LDSO")"
check_eq "loader: no TEXTREL" "" "$(readelf -dW "$LDSO" | grep TEXTREL)"
# Runs as a command straight from the kernel: self-relocation worked.
check_match "loader: runs as a command" '^ld-rseq ' "$("$LDSO" --version)"
