/* Raw thread creation and self-unmapping exit for the pthread runtime
   (aarch64; see arch/x86_64/clone.S for the contract).

   long __rt_clone(unsigned long flags, void *stack, int *ptid, int *ctid,
                   void *tls, int (*fn)(void *), void *arg);

   The kernel's clone takes (flags, stack, ptid, tls, ctid) and the child
   starts with every register of the parent but x0 and sp, so fn and arg
   simply stay in x5 and x6. */
#include <asm/unistd.h>

	.text
	.globl	__rt_clone
	.hidden	__rt_clone
	.type	__rt_clone, %function
__rt_clone:
	mov	x9, x3
	mov	x3, x4			/* tls */
	mov	x4, x9			/* ctid */
	and	x1, x1, #-16
	mov	x8, #__NR_clone
	svc	#0
	cbz	x0, 1f
	ret
1:	mov	x29, #0			/* outermost frame */
	mov	x30, #0
	mov	x0, x6
	blr	x5
	mov	x8, #__NR_exit		/* this thread only */
	svc	#0
	b	.
	.size	__rt_clone, .-__rt_clone

/* void __rt_unmap_and_exit(void *base, size_t len): munmap then exit without
   touching the (unmapped) stack. */
	.globl	__rt_unmap_and_exit
	.hidden	__rt_unmap_and_exit
	.type	__rt_unmap_and_exit, %function
__rt_unmap_and_exit:
	mov	x8, #__NR_munmap
	svc	#0
	mov	x0, #0
	mov	x8, #__NR_exit
	svc	#0
	b	.
	.size	__rt_unmap_and_exit, .-__rt_unmap_and_exit

	.section .note.GNU-stack,"",%progbits
