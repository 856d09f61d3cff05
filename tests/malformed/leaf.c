int leaf(void)
{
	return 35;
}
