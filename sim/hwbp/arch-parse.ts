// hw_breakpoint_arch_parse (SEMANTICS §2.1 step 2, §1.1): perf attr -> struct arch_hw_breakpoint.
// Order as in the kernel: bp_len 0, no R/W, no breakpoint hardware (ENODEV), then the length rule.
import { hex } from '../hex';
import {
  HW_BREAKPOINT_R,
  HW_BREAKPOINT_W,
  HW_BRK_TYPE_HYP,
  HW_BRK_TYPE_KERNEL,
  HW_BRK_TYPE_READ,
  HW_BRK_TYPE_TRANSLATE,
  HW_BRK_TYPE_USER,
  HW_BRK_TYPE_WRITE,
  type ArchHwBreakpoint,
  type BreakpointAttr,
} from './breakpoint';
import type { CpuModel } from './cpu-model';
import { refuse, type Refusal } from './errno';
import { hwBreakpointValidateLen, truncU16 } from './validate-len';

/** The arch type bits of an attr: TRANSLATE always, READ/WRITE from bp_type, privileges from exclude_*. */
export function archTypeOf(
  attr: Pick<BreakpointAttr, 'bpType' | 'excludeUser' | 'excludeKernel' | 'excludeHv'>,
): number {
  let type = HW_BRK_TYPE_TRANSLATE;
  if (attr.bpType & HW_BREAKPOINT_R) type |= HW_BRK_TYPE_READ;
  if (attr.bpType & HW_BREAKPOINT_W) type |= HW_BRK_TYPE_WRITE;
  if (!attr.excludeUser) type |= HW_BRK_TYPE_USER;
  if (!attr.excludeKernel) type |= HW_BRK_TYPE_KERNEL;
  if (!attr.excludeHv) type |= HW_BRK_TYPE_HYP;
  return type;
}

export function hwBreakpointArchParse(
  attr: BreakpointAttr,
  model: CpuModel,
): { ok: true; info: ArchHwBreakpoint } | Refusal {
  if (attr.bpLen === 0n) return refuse('EINVAL', 'the breakpoint length is 0');
  if ((attr.bpType & (HW_BREAKPOINT_R | HW_BREAKPOINT_W)) === 0) {
    return refuse('EINVAL', 'the breakpoint type has neither read nor write');
  }
  const type = archTypeOf(attr);
  const len = truncU16(attr.bpLen);
  if (!model.breakpointAvailable) {
    return refuse(
      'ENODEV',
      `no breakpoint hardware is available on ${model.name} (the DAWR is disabled; dawr_enable_dangerous is off)`,
    );
  }
  const v = hwBreakpointValidateLen(attr.bpAddr, len, model);
  if (!v.ok) {
    const range = `[${hex(v.start)}, ${hex(v.end)})`;
    return v.reason === 'crosses-512'
      ? refuse(
          'EINVAL',
          `the hardware range ${range} crosses a 512-byte boundary, which a DAWR cannot watch on ${model.name}`,
        )
      : refuse('EINVAL', `the hardware range ${range} is ${v.hwLen} bytes; ${model.name} watches at most ${v.max}`);
  }
  return { ok: true, info: { address: attr.bpAddr, len, hwLen: v.hwLen, type, perfSingleStep: false } };
}
