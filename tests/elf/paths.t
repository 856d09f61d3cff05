#!/usr/bin/env bash
# Library search: DT_RPATH vs LD_LIBRARY_PATH vs DT_RUNPATH, $ORIGIN in the
# program and in a library, RPATH for indirect dependencies (RUNPATH is not),
# LD_PRELOAD and --preload interposition, --library-path, de-duplication.
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/paths
for w in rpath runpath llp lp2 o/lib m/sub; do
	mkdir -p "$d/$w"
	lib_t "$d/$w/libwho.so" libwho.so "$s/who.c" -DWHO="\"${w//\//-}\""
done
mkdir -p "$d/pre" "$d/mid2" "$d/o/bin"
lib_t "$d/pre/libpre.so" libpre.so "$s/pre.c"
lib_t "$d/m/libmid.so" libmid.so "$s/mid.c" -L"$d/m/sub" -lwho \
	-Wl,--enable-new-dtags,-rpath,'$ORIGIN/sub'
lib_t "$d/mid2/libmid.so" libmid.so "$s/mid.c" -L"$d/llp" -lwho

old=-Wl,--disable-new-dtags new=-Wl,--enable-new-dtags
cc_t -o "$d/p_rpath" "$s/main_who.c" -L"$d/llp" -lwho $old,-rpath,"$d/rpath"
cc_t -o "$d/p_runpath" "$s/main_who.c" -L"$d/llp" -lwho $new,-rpath,"$d/runpath"
cc_t -o "$d/o/bin/p_origin" "$s/main_who.c" -L"$d/llp" -lwho $new,-rpath,'$ORIGIN/../lib'
cc_t -o "$d/o/bin/p_origin_rpath" "$s/main_who.c" -L"$d/llp" -lwho $old,-rpath,'${ORIGIN}/../lib'
cc_t -o "$d/p_rpath_ind" "$s/main_mid.c" -L"$d/mid2" -lmid -Wl,-rpath-link,"$d/llp" \
	$old,-rpath,"$d/mid2:$d/rpath"
cc_t -o "$d/p_runpath_ind" "$s/main_mid.c" -L"$d/mid2" -lmid -Wl,-rpath-link,"$d/llp" \
	$new,-rpath,"$d/mid2:$d/runpath"
cc_t -o "$d/p_lib_origin" "$s/main_mid.c" -L"$d/m" -lmid $new,-rpath,"$d/m"

check_match "p_rpath has RPATH" "\(RPATH\)" "$(readelf -d "$d/p_rpath")"
check_match "p_runpath has RUNPATH" "\(RUNPATH\)" "$(readelf -d "$d/p_runpath")"

ENVS=(LD_LIBRARY_PATH="$d/llp")
compare "RPATH before LD_LIBRARY_PATH" "$(lines who=rpath inits=1 exit=0)" "$d/p_rpath"
compare "LD_LIBRARY_PATH before RUNPATH" "$(lines who=llp inits=1 exit=0)" "$d/p_runpath"
ENVS=(LD_LIBRARY_PATH="$d/nonexistent:$d/llp")
compare "LD_LIBRARY_PATH second entry" "$(lines who=llp inits=1 exit=0)" "$d/p_runpath"
ENVS=()
compare "RUNPATH" "$(lines who=runpath inits=1 exit=0)" "$d/p_runpath"
compare "RUNPATH \$ORIGIN" "$(lines who=o-lib inits=1 exit=0)" "$d/o/bin/p_origin"
compare "RPATH \${ORIGIN}" "$(lines who=o-lib inits=1 exit=0)" "$d/o/bin/p_origin_rpath"
compare "RPATH applies to indirect deps" "$(lines mid_who=rpath exit=0)" "$d/p_rpath_ind"
compare "library RUNPATH \$ORIGIN" "$(lines mid_who=m-sub exit=0)" "$d/p_lib_origin"

# The program's RUNPATH does not apply to libmid's dependency: load error.
copies "$d/p_runpath_ind"
run_mode glibc "$d/p_runpath_ind"
check_eq "RUNPATH not for indirect deps [glibc status]" 127 "$RC"
check_match "RUNPATH not for indirect deps [glibc message]" "libwho\.so: cannot open" "$ERR"
for m in rseq rseq-direct; do
	run_mode $m "$d/p_runpath_ind"
	check_rseq_error "RUNPATH not for indirect deps $m" ".*p_runpath_ind.*libwho\.so"
	check_eq "RUNPATH not for indirect deps $m [nothing ran]" exit=127 "$OUT"
done

# LD_PRELOAD interposes for the program and for libraries.
ENVS=(LD_PRELOAD="$d/pre/libpre.so")
compare "LD_PRELOAD interposes" "$(lines who=preload inits=1 exit=0)" "$d/p_runpath"
compare "LD_PRELOAD interposes in a library" "$(lines mid_who=preload exit=0)" "$d/p_lib_origin"
ENVS=(LD_PRELOAD="$d/nonexistent.so $d/pre/libpre.so")
compare "LD_PRELOAD list, missing entry ignored" "$(lines who=preload inits=1 exit=0)" "$d/p_runpath"
# Preloading the file the program needs anyway loads it once.
ENVS=(LD_PRELOAD="$d/runpath/libwho.so")
compare "de-duplicated by file" "$(lines who=runpath inits=1 exit=0)" "$d/p_runpath"
ENVS=(LD_PRELOAD="$d/llp/libwho.so")
compare "preload shadows by soname" "$(lines who=llp inits=1 exit=0)" "$d/p_runpath"
ENVS=()

# The same through the loaders' command-line options.
DIRECT_OPTS=(--preload "$d/pre/libpre.so")
compare_direct "--preload" "$(lines who=preload inits=1 exit=0)" "$d/p_runpath"
DIRECT_OPTS=(--library-path "$d/lp2")
compare_direct "--library-path" "$(lines who=lp2 inits=1 exit=0)" "$d/p_runpath"
ENVS=(LD_LIBRARY_PATH="$d/llp")
compare_direct "--library-path overrides LD_LIBRARY_PATH" "$(lines who=lp2 inits=1 exit=0)" "$d/p_runpath"
compare_direct "RPATH before --library-path" "$(lines who=rpath inits=1 exit=0)" "$d/p_rpath"
ENVS=() DIRECT_OPTS=()
