# A stand-in bcryptprimitives.dll for Wine 8.0 (Debian bookworm), which lacks
# it: Go >= 1.24 programs call ProcessPrng from it at start and abort without
# it. ProcessPrng(buf, len) fills buf from BCryptGenRandom with the system RNG
# (Wine's bcrypt.dll). Used only by the CI's Wine check (build/scripts/wine-check.sh);
# real Windows 10+ ships the DLL.
	.text
	.globl	ProcessPrng
ProcessPrng:
	subq	$40, %rsp              # shadow space, 16-byte alignment
	movq	%rdx, %r8              # cbBuffer
	movq	%rcx, %rdx             # pbBuffer
	xorl	%ecx, %ecx             # hAlgorithm = NULL
	movl	$2, %r9d               # BCRYPT_USE_SYSTEM_PREFERRED_RNG
	call	*__imp_BCryptGenRandom(%rip)
	addq	$40, %rsp
	testl	%eax, %eax             # STATUS_SUCCESS?
	sete	%al
	movzbl	%al, %eax              # TRUE on success
	ret

	.section .drectve
	.ascii " -export:ProcessPrng"
