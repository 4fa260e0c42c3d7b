// What a data breakpoint on a C object watches on the simulated CPU. An object of 1 to 8 bytes is
// offered as it is (the kernel decides when it is set, and says why if it refuses); a larger one
// (a struct, an array) is offered as one range when the CPU's watchpoint register can hold it (a
// DAWR: up to 512 bytes, not across a 512-byte boundary before POWER10), and refused otherwise with
// the reason, as hw_breakpoint_validate_len would refuse it.
import { cpuModel, type CpuModel, type CpuModelName } from '../../sim/hwbp/cpu-model';
import { hwBreakpointValidateLen } from '../../sim/hwbp/validate-len';

export type WatchPlan =
  { ok: true; address: bigint; size: number; description: string; range: boolean } | { ok: false; message: string };

const hex = (a: bigint) => `0x${a.toString(16)}`;

export function modelOf(name: CpuModelName | undefined, dawrForceEnable = false): CpuModel {
  return cpuModel(name ?? 'power10', dawrForceEnable);
}

export function watchPlan(address: bigint, size: number, what: string, cpu: CpuModel): WatchPlan {
  const bytes = `${size} byte${size === 1 ? '' : 's'} at ${hex(address)}`;
  if (size < 1) return { ok: false, message: `${what} has no size (an incomplete type): there is nothing to watch` };
  if (size <= 8) return { ok: true, address, size, description: `${what} (${bytes})`, range: false };
  const cpuName = cpu.name.toUpperCase();
  if (!cpu.breakpointAvailable) {
    return {
      ok: false,
      message:
        `${what} (${bytes}): ${cpuName} has no usable watchpoint register ` +
        '(the DAWR is off unless "dawrForceEnable")',
    };
  }
  const v = hwBreakpointValidateLen(address, size, cpu);
  if (!v.ok) {
    const reg = cpu.dawr ? 'DAWR' : 'DABR';
    const why =
      v.reason === 'crosses-512'
        ? `it spans ${hex(v.start)}..${hex(v.end)}, across a 512-byte boundary, which the ${cpuName} DAWR cannot watch`
        : `the ${cpuName} ${reg} watches at most ${v.max} bytes (this needs ${v.hwLen})`;
    return {
      ok: false,
      message: `${what} (${bytes}) cannot be watched as a whole: ${why}. Watch one of its members or elements instead.`,
    };
  }
  return {
    ok: true,
    address,
    size,
    description: `${what} (${bytes}, watched as one ${v.hwLen}-byte DAWR range)`,
    range: true,
  };
}
