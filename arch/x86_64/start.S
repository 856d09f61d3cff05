/* Loader entry.  The kernel leaves argc at (%rsp); _dl_start_c relocates the
   loader, loads the program and returns its entry in %rax and the (possibly
   shifted, for direct invocation) stack pointer in %rdx.  The program gets
   the loader's finaliser in %rdx, as the psABI specifies. */
	.text
	.global _dl_start
	.hidden _dl_start
	.type _dl_start, @function
_dl_start:
	xor %ebp, %ebp
	mov %rsp, %rdi
	and $-16, %rsp
	call _dl_start_c
	mov %rdx, %rsp
	lea _dl_fini(%rip), %rdx
	jmp *%rax
	.size _dl_start, . - _dl_start

/* Hand the process to another loader (glibc's, for libc.so.6 programs) as if
   the kernel had started it: original stack, %rdx = 0.  (entry, sp) */
	.global arch_jump_to_loader
	.hidden arch_jump_to_loader
	.type arch_jump_to_loader, @function
arch_jump_to_loader:
	mov %rsi, %rsp
	xor %edx, %edx
	xor %ebp, %ebp
	jmp *%rdi
	.size arch_jump_to_loader, . - arch_jump_to_loader

	.section .note.GNU-stack, "", @progbits
