/* libdiag1.so (-DN=1) and libdiag2.so (-DN=2): one function each. */
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
int CAT(diag, N)(int x) { return x * 10 + N; }
