/* A preloaded object interposing who() for everyone. */
const char *who(void)
{
	return "preload";
}
