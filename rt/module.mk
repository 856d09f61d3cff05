# rt/: the C runtime inside the loader.  The string functions must not be
# recognised as idioms and compiled into calls to themselves, and they are
# hot enough for -O2; code alignment and inlining one string function into
# another cost 1.2 KiB and save no measurable start-up instructions.
$(B)/obj/rt/string.o: CFLAGS_LDSO += -fno-tree-loop-distribute-patterns -O2 \
	-falign-functions=1 -falign-jumps=1 -falign-loops=1 -falign-labels=1 -fno-inline-small-functions
