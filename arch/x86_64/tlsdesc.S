/* x86_64 TLS descriptor resolvers.  The caller does
	lea sym@tlsdesc(%rip), %rax ; call *sym@tlscall(%rax)
   and adds %fs:0 to the result: %rax in = descriptor, %rax out = offset
   from the thread pointer.  Every other register, flags aside, must be
   preserved. */

	.text

/* Static TLS: the offset is the argument. */
	.globl tlsdesc_static
	.hidden tlsdesc_static
	.type tlsdesc_static, @function
	.balign 16
tlsdesc_static:
	movq 8(%rax), %rax
	ret
	.size tlsdesc_static, . - tlsdesc_static

/* Dynamic TLS: argument = module id << 32 | offset in the block.  The fast
   path reads the DTV (%fs:8) when it is current and the block exists; the
   slow path calls C with every caller-saved register saved, the x87/SSE
   state included (the loader is built for baseline x86_64, so its C code
   touches no AVX state). */
	.globl tlsdesc_dynamic
	.hidden tlsdesc_dynamic
	.type tlsdesc_dynamic, @function
	.balign 16
tlsdesc_dynamic:
	pushq %rdi
	pushq %rsi
	movq 8(%rax), %rsi              /* id << 32 | offset */
	movq %fs:8, %rdi                /* dtv */
	movq (%rdi), %rax               /* DTV_GEN */
	cmpq tls_generation(%rip), %rax
	jne 1f
	movq %rsi, %rax
	shrq $32, %rax                  /* id */
	cmpq -8(%rdi), %rax             /* DTV_CAP */
	ja 1f
	movq (%rdi,%rax,8), %rax        /* block */
	testq %rax, %rax
	jz 1f
	movl %esi, %esi                 /* offset */
	addq %rsi, %rax
	subq %fs:0, %rax
	popq %rsi
	popq %rdi
	ret

1:	pushq %rbp
	movq %rsp, %rbp
	pushq %rcx
	pushq %rdx
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	andq $-64, %rsp
	subq $512, %rsp
	fxsave64 (%rsp)
	movq %rsi, %rdi
	shrq $32, %rdi                  /* id */
	movl %esi, %esi                 /* offset */
	call __tls_get_addr_slow
	subq %fs:0, %rax
	fxrstor64 (%rsp)
	leaq -48(%rbp), %rsp
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rdx
	popq %rcx
	popq %rbp
	popq %rsi
	popq %rdi
	ret
	.size tlsdesc_dynamic, . - tlsdesc_dynamic

	.section .note.GNU-stack, "", @progbits
