/* Entry point of rseq-cc programs.  The loader has already run every
   initialiser; x0 holds its finaliser and sp points at argc.  Position
   independent, so one start file serves PIE and non-PIE programs. */
	.text
	.globl _start
	.type _start, %function
_start:
	mov x29, #0                 /* outermost frame for unwinders and gdb */
	mov x30, #0
	mov x2, x0                  /* the finaliser */
	mov x1, sp                  /* argc, argv, envp, auxv */
	adrp x0, main
	add x0, x0, :lo12:main
	bl __rseq_start_main
	brk #0
	.size _start, . - _start

	.section .note.GNU-stack, "", %progbits
