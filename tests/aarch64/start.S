/* _start of the libc-free test programs: keep the finaliser the loader
   passes in x0 (the psABI's rtld_fini), call tmain(sp), run the finaliser,
   exit_group with tmain's result. */
	.text
	.globl _start
	.type _start, %function
_start:
	mov x29, #0
	mov x30, #0
	mov x19, x0                 /* callee-saved across tmain */
	mov x0, sp
	bl tmain
	mov x20, x0
	cbz x19, 1f
	blr x19
1:	mov x0, x20
	mov x8, #94                 /* exit_group */
	svc #0
	brk #0
	.size _start, . - _start

	.section .note.GNU-stack, "", %progbits
