/* Needs libregrelr at start-up (DT_NEEDED). */
int r_func(void);
int main(void) { return r_func(); }
