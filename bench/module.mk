# bench/: `make bench` measures ld-rseq side by side with glibc's ld.so and
# musl's loader and writes bench/REPORT.md and bench/startup.svg (SPEC 9).
# The loader is built first, but a loader that fails to build or to run a case
# only turns its cells into "failed": the report is still written.
BENCH_ARGS := --work $(B)/bench --ldso $(LDSO) --rseq-cc $(B)/rseq-cc \
              --glibc-ldso $(GLIBC_LDSO)

bench:
	@[ "$(ARCH)" = x86_64 ] || { echo "make bench: x86_64 only" >&2; exit 1; }
	@$(MAKE) --no-print-directory all || \
		echo "make bench: the loader did not build; its cells will show failed" >&2
	python3 bench/run.py $(BENCH_ARGS)
