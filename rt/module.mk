# rt/: the C runtime inside the loader.  The string functions must not be
# recognised as idioms and compiled into calls to themselves, and they are
# hot enough for -O2.
$(B)/obj/rt/string.o: CFLAGS_LDSO += -fno-tree-loop-distribute-patterns -O2
