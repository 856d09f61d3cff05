/* aarch64 TLS descriptor resolvers.  The caller does
	adrp x0, :tlsdesc:sym ; ldr xN, [x0, :tlsdesc_lo12:sym]
	add x0, x0, :tlsdesc_lo12:sym ; blr xN
   and adds tpidr_el0 to the result: x0 in = descriptor, x0 out = offset
   from the thread pointer.  Every other register (the scratch xN included,
   the compiler may pick any) and the SIMD registers must be preserved; only
   x30 and the flags may change. */

	.text

/* Static TLS: the offset is the argument. */
	.globl tlsdesc_static
	.hidden tlsdesc_static
	.type tlsdesc_static, %function
	.balign 16
tlsdesc_static:
	ldr x0, [x0, #8]
	ret
	.size tlsdesc_static, . - tlsdesc_static

/* Dynamic TLS: argument = module id << 32 | offset in the block.  The fast
   path reads the DTV ([tp], the ABI TCB's first word) when it is current and
   the block exists; the slow path calls C with every caller-saved register
   saved, q0-q31 included. */
	.globl tlsdesc_dynamic
	.hidden tlsdesc_dynamic
	.type tlsdesc_dynamic, %function
	.balign 16
tlsdesc_dynamic:
	stp x1, x2, [sp, #-32]!
	stp x3, x4, [sp, #16]
	ldr x0, [x0, #8]                /* id << 32 | offset */
	mrs x1, tpidr_el0
	ldr x2, [x1]                    /* dtv */
	ldr x3, [x2]                    /* DTV_GEN */
	adrp x4, tls_generation
	add x4, x4, :lo12:tls_generation
	ldar x4, [x4]
	cmp x3, x4
	b.ne 1f
	lsr x3, x0, #32                 /* id */
	ldr x4, [x2, #-8]               /* DTV_CAP */
	cmp x3, x4
	b.hi 1f
	ldr x3, [x2, x3, lsl #3]        /* block */
	cbz x3, 1f
	add x0, x3, w0, uxtw            /* block + offset */
	sub x0, x0, x1
	ldp x3, x4, [sp, #16]
	ldp x1, x2, [sp], #32
	ret

1:	stp x29, x30, [sp, #-16]!
	mov x29, sp
	stp x5, x6, [sp, #-128]!
	stp x7, x8, [sp, #16]
	stp x9, x10, [sp, #32]
	stp x11, x12, [sp, #48]
	stp x13, x14, [sp, #64]
	stp x15, x16, [sp, #80]
	stp x17, x18, [sp, #96]
	sub sp, sp, #512
	stp q0, q1, [sp, #0]
	stp q2, q3, [sp, #32]
	stp q4, q5, [sp, #64]
	stp q6, q7, [sp, #96]
	stp q8, q9, [sp, #128]
	stp q10, q11, [sp, #160]
	stp q12, q13, [sp, #192]
	stp q14, q15, [sp, #224]
	stp q16, q17, [sp, #256]
	stp q18, q19, [sp, #288]
	stp q20, q21, [sp, #320]
	stp q22, q23, [sp, #352]
	stp q24, q25, [sp, #384]
	stp q26, q27, [sp, #416]
	stp q28, q29, [sp, #448]
	stp q30, q31, [sp, #480]
	mov w1, w0                      /* offset */
	lsr x0, x0, #32                 /* id */
	bl __tls_get_addr_slow
	mrs x1, tpidr_el0
	sub x0, x0, x1
	ldp q0, q1, [sp, #0]
	ldp q2, q3, [sp, #32]
	ldp q4, q5, [sp, #64]
	ldp q6, q7, [sp, #96]
	ldp q8, q9, [sp, #128]
	ldp q10, q11, [sp, #160]
	ldp q12, q13, [sp, #192]
	ldp q14, q15, [sp, #224]
	ldp q16, q17, [sp, #256]
	ldp q18, q19, [sp, #288]
	ldp q20, q21, [sp, #320]
	ldp q22, q23, [sp, #352]
	ldp q24, q25, [sp, #384]
	ldp q26, q27, [sp, #416]
	ldp q28, q29, [sp, #448]
	ldp q30, q31, [sp, #480]
	add sp, sp, #512
	ldp x7, x8, [sp, #16]
	ldp x9, x10, [sp, #32]
	ldp x11, x12, [sp, #48]
	ldp x13, x14, [sp, #64]
	ldp x15, x16, [sp, #80]
	ldp x17, x18, [sp, #96]
	ldp x5, x6, [sp], #128
	ldp x29, x30, [sp], #16
	ldp x3, x4, [sp, #16]
	ldp x1, x2, [sp], #32
	ret
	.size tlsdesc_dynamic, . - tlsdesc_dynamic

	.section .note.GNU-stack, "", %progbits
