/* Entry point of rseq-cc programs.  The loader has already run every
   initialiser; %rdx holds its finaliser and %rsp points at argc.  Position
   independent, so one start file serves PIE and non-PIE programs. */
	.text
	.globl _start
	.type _start, @function
_start:
	xor %ebp, %ebp              /* outermost frame for unwinders and gdb */
	mov %rsp, %rsi              /* argc, argv, envp, auxv */
	/* %rdx (the finaliser) is already the third argument. */
	lea main(%rip), %rdi
	and $-16, %rsp              /* the psABI call alignment */
	call __rseq_start_main@PLT
	hlt
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
