/* A library that needs gone_fn from libx.so. */
int gone_fn(void);

int user_fn(void)
{
	return gone_fn();
}
