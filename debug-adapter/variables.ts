// The Variables view: four scopes per frame: Registers (GPRs, pc, lr, ctr, cr, xer, msr), Data (the
// symbols of .data/.bss with their sizes, typed by width), Watchpoints (the DAWR slots of the CPU the
// thread last ran on, with the reservation budget) and Perf counters. Every memory-backed variable
// has a memoryReference (so the editor can open it in the memory view) and an evaluateName.
import type { DebugProtocol } from '@vscode/debugprotocol';
import { getRegister } from '../sim/machine/registers-by-name';
import type { Task } from '../sim/machine/task';
import { evaluateExpression } from './expressions';
import type { Runtime } from './runtime';
import { dataSymbols, hex, type DataSymbol } from './symbols';
import { StopHandles } from './stop-handles';

export type VarRef =
  | { kind: 'registers'; pid: number }
  | { kind: 'data'; pid: number }
  | { kind: 'watchpoints'; pid: number }
  | { kind: 'perf'; pid: number }
  | { kind: 'elements'; pid: number; sym: DataSymbol };

export const REGISTER_NAMES = [...Array.from({ length: 32 }, (_, i) => `r${i}`), 'pc', 'lr', 'ctr', 'cr', 'xer', 'msr'];

export function widthType(size: number): string {
  return size === 1
    ? 'u8'
    : size === 2
      ? 'u16'
      : size === 4
        ? 'u32'
        : size === 8
          ? 'u64'
          : size % 8 === 0
            ? `u64[${size / 8}]`
            : `u8[${size}]`;
}

function hexPad(v: bigint, bytes: number): string {
  return `0x${v.toString(16).padStart(bytes * 2, '0')}`;
}

export class Variables {
  private handles = new StopHandles<VarRef>(1000);

  constructor(private readonly rt: Runtime) {}

  /** Handles live from one stop to the next. */
  reset(): void {
    this.handles.reset();
  }

  get(ref: number): VarRef | undefined {
    return this.handles.get(ref);
  }

  scopes(t: Task): DebugProtocol.Scope[] {
    return [
      {
        name: 'Registers',
        presentationHint: 'registers',
        variablesReference: this.handles.create({ kind: 'registers', pid: t.pid }),
        namedVariables: REGISTER_NAMES.length,
        expensive: false,
      },
      {
        name: 'Data',
        presentationHint: 'globals',
        variablesReference: this.handles.create({ kind: 'data', pid: t.pid }),
        namedVariables: dataSymbols(t.program).length,
        expensive: false,
      },
      {
        name: 'Watchpoints',
        variablesReference: this.handles.create({ kind: 'watchpoints', pid: t.pid }),
        expensive: false,
      },
      {
        name: 'Perf counters',
        variablesReference: this.handles.create({ kind: 'perf', pid: t.pid }),
        expensive: false,
      },
    ];
  }

  private read(t: Task, addr: bigint, size: number): bigint | undefined {
    const b = this.rt.readMemory(t, addr, size);
    if (!b) return undefined;
    let v = 0n;
    for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return v;
  }

  private watched(addr: bigint, size: number): boolean {
    return this.rt.watches
      .all()
      .some((w) => w.verified && w.addr < addr + BigInt(size) && addr < w.addr + BigInt(w.len));
  }

  variables(ref: VarRef, t: Task): DebugProtocol.Variable[] {
    switch (ref.kind) {
      case 'registers':
        return REGISTER_NAMES.map((name) => {
          const v = getRegister(t.thread, name) as bigint;
          const isCr = name === 'cr';
          const mapped = !isCr && v !== 0n && t.mem.isMapped(v, 1);
          return {
            name,
            value: isCr ? hexPad(v, 4) : hexPad(v, 8),
            type: isCr ? 'u32' : 'u64',
            evaluateName: name,
            variablesReference: 0,
            ...(mapped ? { memoryReference: hex(v) } : {}),
          };
        });
      case 'data':
        return dataSymbols(t.program).map((s) => this.dataVar(t, s));
      case 'elements': {
        const s = ref.sym;
        const step = s.size % 8 === 0 ? 8 : 1;
        const out: DebugProtocol.Variable[] = [];
        for (let off = 0; off < s.size && out.length < 4096; off += step) {
          const a = s.addr + BigInt(off);
          const v = this.read(t, a, step);
          out.push({
            name: `[${off / step}]`,
            value: v === undefined ? '(unreadable)' : hexPad(v, step),
            type: step === 8 ? 'u64' : 'u8',
            evaluateName: `${step === 8 ? 'u64' : 'u8'}[&${s.name}+${off}]`,
            memoryReference: hex(a),
            variablesReference: 0,
            ...(this.watched(a, step) ? { presentationHint: { attributes: ['hasDataBreakpoint'] } } : {}),
          });
        }
        return out;
      }
      case 'watchpoints':
        return this.slotVars(t);
      case 'perf':
        return this.rt.machine.hw.countersView().counters.map((c) => ({
          name: c.id,
          value: `${c.count}${c.closed ? ' (closed)' : c.enabled ? '' : ' (disabled)'}`,
          type:
            `perf fd ${c.fd}: ${c.type} ${c.len} byte${c.len === 1 ? '' : 's'} at ` +
            `${c.addr}${c.task ? ` for ${c.task}` : ` on cpu${c.cpu}`}`,
          variablesReference: 0,
          memoryReference: c.addr,
        }));
    }
  }

  dataVar(t: Task, s: DataSymbol): DebugProtocol.Variable {
    const scalar = s.size === 1 || s.size === 2 || s.size === 4 || s.size === 8;
    const hint = this.watched(s.addr, s.size) ? { presentationHint: { attributes: ['hasDataBreakpoint'] } } : {};
    if (scalar) {
      const v = this.read(t, s.addr, s.size);
      return {
        name: s.name,
        value: v === undefined ? '(unreadable)' : hexPad(v, s.size),
        type: widthType(s.size),
        evaluateName: s.name,
        memoryReference: hex(s.addr),
        variablesReference: 0,
        ...hint,
      };
    }
    const bytes = this.rt.readMemory(t, s.addr, Math.min(s.size, 16));
    const preview = bytes
      ? [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ') + (s.size > 16 ? ' ...' : '')
      : '(unreadable)';
    const ref = this.handles.create({ kind: 'elements', pid: t.pid, sym: s });
    return {
      name: s.name,
      value: `[${preview}]`,
      type: widthType(s.size),
      evaluateName: `&${s.name}`,
      memoryReference: hex(s.addr),
      variablesReference: ref,
      indexedVariables: s.size % 8 === 0 ? s.size / 8 : s.size,
      ...hint,
    };
  }

  private slotVars(t: Task): DebugProtocol.Variable[] {
    // with what a stopped task's breakpoints take when it runs again (they are scheduled out now)
    const view = this.rt.machine.slotsView();
    const cpu = t.cpu >= 0 ? t.cpu : (t.affinity ?? 0);
    const c = view.cpus.find((x) => x.cpu === cpu);
    if (!c) return [];
    const reg = view.machine.cpu === 'power7' ? 'DABR' : 'DAWR';
    const notRun = t.cpu < 0 ? ' (the thread has not run yet)' : '';
    const noHw = view.machine.slots === 0 ? ' (no breakpoint hardware available)' : '';
    const out: DebugProtocol.Variable[] = [
      { name: 'cpu', value: `cpu${cpu}${notRun}${noHw}`, variablesReference: 0 },
      {
        name: 'budget',
        value:
          `${c.budget.cpuPinned} per-CPU + ${c.budget.worstTask} worst ` +
          `task${c.budget.worstTaskName ? ` (${c.budget.worstTaskName})` : ''} of ` +
          `${c.budget.total}`,
        variablesReference: 0,
      },
    ];
    // the thread's own ptrace watchpoints: while it is stopped they hold their reservation but no
    // slot (they are installed when it is scheduled in)
    const th = this.rt.machine.hw.thread(t.pid);
    th?.ptraceBps.forEach((bp, i) => {
      if (!bp) return;
      const rw = bp.attr.bpType === 3 ? 'RW' : bp.attr.bpType === 2 ? 'W' : 'R';
      const on = c.slots.some((s) => s.occupant?.bp === bp.name);
      out.push({
        name: `ptrace handle ${i + 1}`,
        value: `${rw} ${hex(bp.attr.bpAddr)}+${Number(bp.attr.bpLen)} ${
          bp.state === 'off' || bp.attr.disabled
            ? 'disabled (fired: one-shot)'
            : on
              ? 'in a slot'
              : 'armed, installed when the thread runs'
        }`,
        variablesReference: 0,
        memoryReference: hex(bp.attr.bpAddr),
      });
    });
    for (const s of c.slots) {
      const o = s.occupant;
      const n = s.next;
      const text = (x: NonNullable<typeof o>) =>
        `${x.label}${x.task ? ` ${x.task}` : ' cpu-wide'} ${x.type.toUpperCase()} ` +
        `${x.addr}+${x.len} hw ${x.hwAddr}+${x.hwLen}`;
      out.push({
        name: `${reg}${s.slot}`,
        value: o
          ? `${text(o)} ${o.state}`
          : n
            ? `free now; scheduled out while stopped: ` +
              `${text(n)}${n.state === 'disabled' ? ' (fired: one-shot, off until re-armed)' : ''}, ` +
              `back in this slot when ${c.nextTask ?? 'its task'} runs`
            : 'free',
        variablesReference: 0,
        ...(o ? { memoryReference: o.addr, type: o.owner } : n ? { memoryReference: n.addr, type: n.owner } : {}),
      });
    }
    return out;
  }

  /** setVariable: a register or data (memory) takes the value of an expression. */
  setVariable(
    ref: VarRef,
    t: Task,
    name: string,
    valueText: string,
  ): { ok: true; variable: DebugProtocol.Variable } | { ok: false; message: string } {
    const v = evaluateExpression(valueText, { task: t, read: (a, n) => this.read(t, a, n) });
    if (!v.ok) return { ok: false, message: `"${valueText}": ${v.message}` };
    if (ref.kind === 'registers') {
      const r = this.rt.tracer.setReg(t, name, v.value);
      if (!r.ok) return { ok: false, message: r.message };
      return { ok: true, variable: this.variables(ref, t).find((x) => x.name === name) as DebugProtocol.Variable };
    }
    if (ref.kind === 'data' || ref.kind === 'elements') {
      let addr: bigint;
      let size: number;
      if (ref.kind === 'data') {
        const s = dataSymbols(t.program).find((x) => x.name === name);
        if (!s) return { ok: false, message: `no data symbol "${name}"` };
        if (![1, 2, 4, 8].includes(s.size))
          return { ok: false, message: `${name} is ${s.size} bytes: set its elements one by one` };
        addr = s.addr;
        size = s.size;
      } else {
        const m = /^\[(\d+)\]$/.exec(name);
        const step = ref.sym.size % 8 === 0 ? 8 : 1;
        if (!m || Number(m[1]) * step >= ref.sym.size)
          return { ok: false, message: `no element ${name} in ${ref.sym.name}` };
        addr = ref.sym.addr + BigInt(Number(m[1]) * step);
        size = step;
      }
      const r = this.rt.tracer.poke(t, addr, size, v.value);
      if (!r.ok) return { ok: false, message: r.message };
      const now = this.read(t, addr, size) ?? 0n;
      return {
        ok: true,
        variable: {
          name,
          value: hexPad(now, size),
          type: widthType(size),
          variablesReference: 0,
          memoryReference: hex(addr),
        },
      };
    }
    return {
      ok: false,
      message:
        'this scope is read-only (use the console commands or the panel to change ' + 'watchpoints and counters)',
    };
  }
}
