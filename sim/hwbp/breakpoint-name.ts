// The names a breakpoint has in decisions, the panel and the slot history: `ptrace:TASK:HANDLE` for a
// ptrace watchpoint (HANDLE is what PPC_PTRACE_SETHWDEBUG returned), `perf:ID` for a perf event. The
// kernel code makes them, the debugger finds its watchpoints by them: one spelling.

export function ptraceBreakpointName(task: string, handle: number): string {
  return `ptrace:${task}:${handle}`;
}

export function perfBreakpointName(id: string): string {
  return `perf:${id}`;
}

/** `ptrace #1` or `perf "writes"`: a breakpoint's name as the panel labels it. */
export function breakpointLabel(owner: 'ptrace' | 'perf', name: string): string {
  if (owner === 'ptrace') return `ptrace #${name.split(':').pop() ?? ''}`;
  return `perf "${name.replace(/^perf:/, '')}"`;
}
