/* Many relative relocations in one object, in the patterns that exercise
 * DT_RELR's encoding: a run longer than one bitmap word, pointers
 * interleaved with plain data, and a far-away pointer after a gap.
 * pt_check() returns how many pointers hold the expected address. */
#ifndef TESTS_PTRTABLE_H
#define TESTS_PTRTABLE_H

static int pt_vals[160];
#define PT1(i) &pt_vals[i]
#define PT10(i) PT1(i), PT1(i + 1), PT1(i + 2), PT1(i + 3), PT1(i + 4), \
	PT1(i + 5), PT1(i + 6), PT1(i + 7), PT1(i + 8), PT1(i + 9)
static int *pt_run[] = { PT10(0), PT10(10), PT10(20), PT10(30), PT10(40),
			 PT10(50), PT10(60), PT10(70), PT10(80), PT10(90) };

#define PP(i) { PT1(i), i }
static struct { int *p; long i; } pt_pairs[] = {
	PP(100), PP(101), PP(102), PP(103), PP(104), PP(105), PP(106), PP(107),
	PP(108), PP(109), PP(110), PP(111), PP(112), PP(113), PP(114), PP(115),
	PP(116), PP(117), PP(118), PP(119), PP(120), PP(121), PP(122), PP(123),
	PP(124), PP(125), PP(126), PP(127), PP(128), PP(129), PP(130), PP(131),
	PP(132), PP(133), PP(134), PP(135), PP(136), PP(137), PP(138), PP(139),
};
static long pt_gap[700] = { 1 };
static int *pt_far = PT1(159);

static __attribute__((unused)) long pt_check(void)
{
	long ok = 0;
	for (int i = 0; i < 100; i++)
		ok += pt_run[i] == &pt_vals[i];
	for (int i = 0; i < 40; i++)
		ok += pt_pairs[i].p == &pt_vals[pt_pairs[i].i];
	ok += pt_far == &pt_vals[159] && pt_gap[0] == 1;
	return ok;
}
#endif
