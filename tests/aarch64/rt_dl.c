/* dlopen'ed: not in static TLS, so its TLS descriptors take the dynamic
   resolver (and allocate a block per thread on first use). */
__thread long dl_counter = 40;
__thread char dl_pad[4096];

long dl_tls_add(long v)
{
	dl_pad[4095] += 1;
	dl_counter += v;
	return dl_counter * 10 + dl_pad[4095];
}

__thread long dl_v = 3;
__thread double dl_d = 1.5;

/* Values live across the descriptor calls in caller-saved general and SIMD
   registers, which the resolvers (the slow path on a thread's first access
   included) must preserve. */
long dl_mix(long a, long b, long c, long d, double x, double y)
{
	long p = a * 3, q = b * 5, r = c * 7, s = d * 11;
	double u = x * 1.25, w = y * 0.5;

	dl_v += a;
	long t = p + q + dl_v;
	dl_d += x;
	return t + r * s + (long)((u + w + dl_d) * 4) + p * q + (long)(u * w);
}
