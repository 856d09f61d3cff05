/* GLIBC_TUNABLES: glibc's syntax and rules, read once at start-up. */
#ifndef TUNABLES_TUNABLES_H
#define TUNABLES_TUNABLES_H

/* Set every tunable's variable (see list.h) to its default, then apply each
   GLIBC_TUNABLES entry of ENVP in order.  The string is read in place and
   never written.  When SECURE (AT_SECURE), nothing is applied and every
   GLIBC_TUNABLES entry is removed from ENVP (see dl_env_unset: ENVP must be
   the initial environment vector, followed by the auxiliary vector).  Needs
   no TLS and no errno: call it before tls_setup_main. */
void tunables_init(char **envp, int secure);

/* ld-rseq.so.1 --list-tunables: "name: value (min: m, max: M)" per line. */
void tunables_print(int fd);

#endif
