/* Memory and string functions. */
#ifndef _STRING_H
#define _STRING_H

#include <features.h>
#include <stddef.h>

__BEGIN_DECLS

void *memcpy(void *__restrict d, const void *__restrict s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memrchr(const void *s, int c, size_t n);
void *mempcpy(void *__restrict d, const void *__restrict s, size_t n);
void *memmem(const void *h, size_t hn, const void *n, size_t nn);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcoll(const char *a, const char *b);
char *strcpy(char *__restrict d, const char *__restrict s);
char *strncpy(char *__restrict d, const char *__restrict s, size_t n);
char *stpcpy(char *__restrict d, const char *__restrict s);
char *stpncpy(char *__restrict d, const char *__restrict s, size_t n);
char *strcat(char *__restrict d, const char *__restrict s);
char *strncat(char *__restrict d, const char *__restrict s, size_t n);
char *strchr(const char *s, int c);
char *strchrnul(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
char *strpbrk(const char *s, const char *set);
size_t strspn(const char *s, const char *set);
size_t strcspn(const char *s, const char *set);
char *strtok(char *__restrict s, const char *__restrict sep);
char *strtok_r(char *__restrict s, const char *__restrict sep, char **__restrict save);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
char *strerror(int err);
size_t strlcpy(char *__restrict d, const char *__restrict s, size_t n);
size_t strlcat(char *__restrict d, const char *__restrict s, size_t n);

__END_DECLS

#endif
