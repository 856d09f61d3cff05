/* Loader entry.  The kernel leaves argc at [sp] (16-byte aligned);
   _dl_start_c relocates the loader, loads the program and returns its entry
   in x0 and the stack pointer for it in x1.  The program gets the loader's
   finaliser in x0, as the psABI specifies. */
	.text
	.global _dl_start
	.hidden _dl_start
	.type _dl_start, %function
_dl_start:
	mov x29, #0                 /* outermost frame for unwinders and gdb */
	mov x30, #0
	mov x0, sp
	bl _dl_start_c
	mov sp, x1
	mov x16, x0
	adrp x0, _dl_fini
	add x0, x0, :lo12:_dl_fini
	mov x30, #0
	br x16
	.size _dl_start, . - _dl_start

/* Hand the process to another loader (glibc's, for libc.so.6 programs) as if
   the kernel had started it: original stack, x0 = 0.  (entry, sp) */
	.global arch_jump_to_loader
	.hidden arch_jump_to_loader
	.type arch_jump_to_loader, %function
arch_jump_to_loader:
	mov sp, x1
	mov x16, x0
	mov x0, #0
	mov x29, #0
	mov x30, #0
	br x16
	.size arch_jump_to_loader, . - arch_jump_to_loader

	.section .note.GNU-stack, "", %progbits
