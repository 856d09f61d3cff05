/* Needs libregorigin, found through DT_RUNPATH $ORIGIN. */
int o(void);
int main(void) { return o(); }
