// A small fake HwContext so the exception side is tested alone: one CPU's slots, the DAWR contents
// and every programming call recorded, perf_bp_event with the kernel's started/mode-exclusion rules
// and ptrace one-shot, decisions collected in order.
import {
  alignDown,
  alignUp,
  HW_BREAKPOINT_R,
  HW_BREAKPOINT_W,
  HW_BRK_TYPE_HYP,
  HW_BRK_TYPE_KERNEL,
  HW_BRK_TYPE_READ,
  HW_BRK_TYPE_TRANSLATE,
  HW_BRK_TYPE_USER,
  HW_BRK_TYPE_WRITE,
  type Breakpoint,
} from '../../../sim/hwbp/breakpoint';
import { cpuModel, type CpuModel, type CpuModelName, type KernelPolicy } from '../../../sim/hwbp/cpu-model';
import type { CurrentTask, HwContext, InstrDetail, TrapRegs } from '../../../sim/hwbp/hw-context';
import type { Decision, Effect } from '../../../sim/decision';

export interface BpOpts {
  r?: boolean;
  w?: boolean;
  excludeUser?: boolean;
  excludeKernel?: boolean;
  excludeHv?: boolean;
  /** arch type override (to build states creation would not) */
  type?: number;
  state?: Breakpoint['state'];
}

let nextId = 1;

export function mkBp(owner: 'ptrace' | 'perf', addr: bigint, len: number, o: BpOpts = {}): Breakpoint {
  const r = o.r ?? true;
  const w = o.w ?? false;
  let type = HW_BRK_TYPE_TRANSLATE | (r ? HW_BRK_TYPE_READ : 0) | (w ? HW_BRK_TYPE_WRITE : 0);
  if (!o.excludeUser) type |= HW_BRK_TYPE_USER;
  if (!o.excludeKernel) type |= HW_BRK_TYPE_KERNEL;
  if (!o.excludeHv) type |= HW_BRK_TYPE_HYP;
  const start = alignDown(addr, 8n);
  const hwLen = Number(alignUp(addr + BigInt(len), 8n) - start);
  const id = nextId++;
  return {
    name: owner === 'ptrace' ? `ptrace:t:${id}` : `perf:${id}`,
    owner,
    attr: {
      bpAddr: addr,
      bpLen: BigInt(len),
      bpType: (r ? HW_BREAKPOINT_R : 0) | (w ? HW_BREAKPOINT_W : 0),
      excludeUser: !!o.excludeUser,
      excludeKernel: !!o.excludeKernel,
      excludeHv: !!o.excludeHv,
      pinned: owner === 'ptrace',
      disabled: false,
    },
    info: { address: addr, len, hwLen, type: o.type ?? type, perfSingleStep: false },
    target: 100,
    cpu: -1,
    count: 0,
    state: o.state ?? 'active',
  };
}

export interface Fake {
  ctx: HwContext;
  task: CurrentTask;
  /** bp_per_reg of the CPU */
  slots: Array<Breakpoint | null>;
  /** what each DAWR holds now (the breakpoint programmed, or null) */
  dawr: Array<Breakpoint | null>;
  /** every programming call, in order: slot and the breakpoint's name or null */
  writes: Array<{ slot: number; bp: string | null }>;
  decisions: Decision[];
  klog: string[];
  perfCalls: Array<{ bp: string; mode: TrapRegs['mode'] }>;
}

export interface FakeOpts {
  model?: CpuModelName | CpuModel;
  policy?: KernelPolicy;
  cpu?: number;
  /** emulate_step replacement (failure injection) */
  emulateStep?: HwContext['emulateStep'];
  tifSingleStep?: boolean;
  /** program the occupants into the DAWRs at the start (as install did); default true except
   * breakpoints with perfSingleStep set */
  programmed?: boolean;
}

export function fake(bps: Array<Breakpoint | null>, o: FakeOpts = {}): Fake {
  const model = typeof o.model === 'object' ? o.model : cpuModel(o.model ?? 'power10');
  const slots = bps.slice();
  while (slots.length < model.slots) slots.push(null);
  const dawr = slots.map((b) => (o.programmed === false || !b || b.info.perfSingleStep ? null : b));
  const f: Fake = {
    slots,
    dawr,
    writes: [],
    decisions: [],
    klog: [],
    perfCalls: [],
    task: { pid: 100, name: 't', tifSingleStep: o.tifSingleStep ?? false, lastHitUbp: [null, null] },
    ctx: undefined as unknown as HwContext,
  };
  const cpu = o.cpu ?? 0;
  const program = (slot: number, bp: Breakpoint | null): void => {
    f.dawr[slot] = bp;
    f.writes.push({ slot, bp: bp ? bp.name : null });
  };
  const uninstall = (bp: Breakpoint): void => {
    const i = f.slots.indexOf(bp);
    if (i >= 0) {
      f.slots[i] = null;
      program(i, null);
    }
  };
  let seq = 0;
  f.ctx = {
    model,
    policy: o.policy ?? '6.6',
    slots: { cpu, bpPerReg: f.slots },
    icount: 1234,
    programSlot: (c, slot, bp) => {
      if (c !== cpu) throw new Error(`programSlot on cpu ${c}, expected ${cpu}`);
      program(slot, bp);
    },
    disableAllSlots: (c) => {
      if (c !== cpu) throw new Error(`disableAllSlots on cpu ${c}, expected ${cpu}`);
      for (let i = 0; i < f.slots.length; i++) program(i, null);
    },
    perfBpEvent: (bp, regs): Effect[] => {
      f.perfCalls.push({ bp: bp.name, mode: regs.mode });
      if (bp.state !== 'active') return [];
      if (bp.attr.excludeUser && regs.mode === 'user') return [];
      if (bp.attr.excludeKernel && regs.mode === 'kernel') return [];
      bp.count++;
      if (bp.owner === 'ptrace') {
        // ptrace_triggered: one-shot, a local disable uninstalls at once
        bp.attr.disabled = true;
        bp.state = 'off';
        uninstall(bp);
        return [{ kind: 'disable', bp: bp.name }];
      }
      return [{ kind: 'count', bp: bp.name, value: bp.count }];
    },
    disableAsync: (bp): Effect[] => {
      bp.state = 'off';
      uninstall(bp);
      return [{ kind: 'disable', bp: bp.name }];
    },
    record: (d) => {
      f.decisions.push({ ...d, seq: seq++ });
    },
    kernelLog: (line) => {
      f.klog.push(line);
    },
  };
  if (o.emulateStep) f.ctx.emulateStep = o.emulateStep;
  return f;
}

export const A = 0x10100000n;
export const KPC = 0xc000000000a1c0e0n;
export const UPC = 0x10000010n;

export function userRegs(pc = UPC): TrapRegs {
  return { pc, mode: 'user', singleStep: false };
}
export function kernelRegs(pc = KPC): TrapRegs {
  return { pc, mode: 'kernel', singleStep: false };
}

export function insn(type: InstrDetail['type'], ea: bigint, size: number, text = `${type} ${size}`): InstrDetail {
  return { readable: true, type, ea, size, text, vsx32: false };
}
export const ld = (ea: bigint, size = 8): InstrDetail => insn('load', ea, size, `ld r0,0(r3)`);
export const st = (ea: bigint, size = 8): InstrDetail => insn('store', ea, size, `std r0,0(r3)`);
export const UNREADABLE: InstrDetail = {
  readable: false,
  type: 'unknown',
  ea: 0n,
  size: 0,
  text: '(unreadable)',
  vsx32: false,
};

/** The effects of the only decision, or fail. */
export function only(f: Fake): Decision {
  if (f.decisions.length !== 1)
    throw new Error(
      `expected exactly one decision, got ${f.decisions.length}: ${JSON.stringify(f.decisions.map((d) => d.branch))}`,
    );
  return f.decisions[0];
}
