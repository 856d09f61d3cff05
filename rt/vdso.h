/* Symbols of the kernel's vDSO (AT_SYSINFO_EHDR). */
#ifndef RT_VDSO_H
#define RT_VDSO_H

/* The address of the vDSO function `name` of version `version` (e.g.
   "__vdso_getcpu", "LINUX_2.6"), or NULL when there is no vDSO or no such
   symbol. */
void *vdso_lookup(const char *name, const char *version);

#endif
