/* Raw thread creation and self-unmapping exit for the pthread runtime.

   long __rt_clone(unsigned long flags, void *stack, int *ptid, int *ctid,
                   void *tls, int (*fn)(void *), void *arg);

   Returns the child's tid (or -errno) in the parent.  The child starts on
   `stack` (16-byte aligned top) with `tls` as %fs base, calls fn(arg) and
   exits the thread with its return value; it never returns into this frame,
   which belongs to the parent.  fn and arg travel on the child's new stack,
   where the child pops them: no register of the parent needs saving. */

#include <asm/unistd.h>

	.text
	.globl	__rt_clone
	.hidden	__rt_clone
	.type	__rt_clone, @function
__rt_clone:
	mov	8(%rsp), %rax		/* arg (7th argument) */
	sub	$16, %rsi
	mov	%r9, (%rsi)		/* fn */
	mov	%rax, 8(%rsi)		/* arg */
	mov	%rcx, %r10		/* syscall: flags, stack, ptid, ctid, tls */
	mov	$__NR_clone, %eax
	syscall
	test	%eax, %eax
	jz	1f
	ret
1:	xor	%ebp, %ebp		/* outermost frame for unwinders and gdb */
	pop	%rax
	pop	%rdi
	call	*%rax			/* %rsp is 16-byte aligned at the call */
	mov	%eax, %edi
	mov	$__NR_exit, %eax	/* this thread only */
	syscall
	hlt
	.size	__rt_clone, .-__rt_clone

/* void __rt_unmap_and_exit(void *base, size_t len) __attribute__((noreturn));

   A detached thread frees the mapping that holds its own stack: after munmap
   no stack may be touched, so both system calls run from registers only.  The
   caller has blocked signals, unregistered rseq and cleared its
   clear-child-tid address, so the kernel writes nothing into the unmapped
   range. */
	.globl	__rt_unmap_and_exit
	.hidden	__rt_unmap_and_exit
	.type	__rt_unmap_and_exit, @function
__rt_unmap_and_exit:
	mov	$__NR_munmap, %eax	/* (base, len) */
	syscall
	xor	%edi, %edi
	mov	$__NR_exit, %eax
	syscall
	hlt
	.size	__rt_unmap_and_exit, .-__rt_unmap_and_exit

	.section .note.GNU-stack,"",@progbits
