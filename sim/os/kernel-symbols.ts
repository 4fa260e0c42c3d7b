// The simulated kernel's own symbols: what /proc/kallsyms lists (sorted by address, as the kernel
// prints it), and the kernel data the simulated kernel really accesses, at these addresses, in kernel
// mode on the CPU doing the work (so a perf breakpoint on one of them counts the kernel's accesses,
// and a ptrace-era selftest that reads kallsyms finds what it looks for):
// * fork (copy_process): alloc_pid reads pid_max; nr_threads and total_forks are read and written;
// * exit (release_task): nr_threads is read and written.
// The kernel's copies to and from user memory run in __copy_tofrom_user (KERNEL_COPY_PC).

export interface KernelSymbol {
  name: string;
  /** nm's letter: T text, D data, B bss, d/b local */
  type: string;
  addr: bigint;
  /** bytes of the object (0 for code) */
  size: number;
  /** for data: the kernel function that accesses it (the PC of that access in a decision) */
  accessedIn?: string;
}

/** in address order */
export const KERNEL_SYMBOLS: readonly KernelSymbol[] = [
  { name: '_stext', type: 'T', addr: 0xc000000000000000n, size: 0 },
  { name: 'copy_process', type: 'T', addr: 0xc00000000014a2c0n, size: 0 },
  { name: 'kernel_clone', type: 'T', addr: 0xc00000000014c4a0n, size: 0 },
  { name: 'release_task', type: 'T', addr: 0xc000000000158e10n, size: 0 },
  { name: 'alloc_pid', type: 'T', addr: 0xc0000000001a8f30n, size: 0 },
  { name: '__copy_tofrom_user', type: 'T', addr: 0xc000000000a1c0e0n, size: 0 },
  { name: '_etext', type: 'T', addr: 0xc000000001000000n, size: 0 },
  { name: 'pid_max', type: 'D', addr: 0xc000000002a41e08n, size: 4, accessedIn: 'alloc_pid' },
  { name: 'pid_max_min', type: 'D', addr: 0xc000000002a41e0cn, size: 4 },
  { name: 'pid_max_max', type: 'D', addr: 0xc000000002a41e10n, size: 4 },
  { name: 'jiffies_64', type: 'D', addr: 0xc000000002a80000n, size: 8 },
  { name: 'jiffies', type: 'D', addr: 0xc000000002a80000n, size: 8 },
  { name: 'total_forks', type: 'B', addr: 0xc000000002f1a5e0n, size: 8, accessedIn: 'copy_process' },
  { name: 'nr_threads', type: 'B', addr: 0xc000000002f1a5e8n, size: 4, accessedIn: 'copy_process' },
];

export function kernelSymbol(name: string): KernelSymbol | undefined {
  return KERNEL_SYMBOLS.find((s) => s.name === name);
}
