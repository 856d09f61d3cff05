/* Removing environment variables in place, for secure mode (AT_SECURE). */
#ifndef RTLD_SECURE_ENV_H
#define RTLD_SECURE_ENV_H

/* Remove every entry of ENVP named in NAMES (a list of names, each ending in
   '\0', the list ending in an empty name).  ENVP must be the initial
   environment vector on the start-up stack: the remaining entries move down
   and the auxiliary vector that follows the terminator moves down with them,
   so code that finds auxv just past the environment (glibc's loader when a
   program is handed over, a program's own start-up) still finds it. */
void dl_env_unset(char **envp, const char *names);

/* Secure mode: remove every variable that could redirect what a privileged
   program loads, where it writes, or how its libc behaves (glibc's list of
   unsecure variables, GLIBC_TUNABLES included). */
void dl_scrub_env(char **envp);

#endif
