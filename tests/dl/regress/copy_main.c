/* Built without -fPIE: arr is copied into the executable (R_*_COPY).  The
   big bss lets regress.t enlarge the copy without leaving the executable's
   writable segment, so only the library side of the copy is out of range. */
extern int arr[4];
static char pad[1 << 20];
int main(void)
{
	pad[1] = 1;
	return arr[1] - 2 + pad[0];
}
