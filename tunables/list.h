/* The tunables, one line each:
   TUNABLE(ID, name, type, min, max, default, variable it sets)
   Included with TUNABLE defined by the user of the list (X-macro), so the
   enum, the table and --list-tunables can never disagree.  Types:
   TUNABLE_INT32 sets an int (printed in decimal), TUNABLE_SIZE_T a size_t
   (printed in hex), as glibc prints them.  The variables belong to the stage
   that uses them and are declared in the headers tunables.c includes. */
TUNABLE(GLIBC_PTHREAD_RSEQ, "glibc.pthread.rseq", TUNABLE_INT32, 0, 1, 1, dl_rseq_enabled)
TUNABLE(GLIBC_RTLD_OPTIONAL_STATIC_TLS, "glibc.rtld.optional_static_tls", TUNABLE_SIZE_T, 0, SIZE_MAX, 512, dl_tls_static_surplus)
