// A source-level step (over, into, out) driven to its end: the reader's LineStepper decides after
// each instruction, the executor (the runtime, or a test over the machine) executes one instruction
// or runs to an address. Anything else that stops the thread on the way (a breakpoint, a
// watchpoint, a signal, the end of the program) ends the step and is handed back as it is.
import type { DebugInfo, Target } from '../../sim/debuginfo/debug-info';
import { LineStepper, type StepKind } from '../../sim/debuginfo/stepping';

export interface StepExecutor<Stop> {
  target(): Target;
  /** executes one instruction; a stop that is not the step's own ends the step */
  instruction(): Promise<Stop | undefined> | Stop | undefined;
  /** runs until the pc is `address` with r1 >= `stackPointer` */
  runTo(address: bigint, stackPointer: bigint): Promise<Stop | undefined> | Stop | undefined;
}

export type StepEnd<Stop> = { kind: 'done'; reason?: string } | { kind: 'interrupted'; stop: Stop };

/** Most decisions one step takes (a line that loops on itself for ever is ended, not hung on). */
export const MAX_DECISIONS = 1_000_000;

export async function sourceStep<Stop>(
  info: DebugInfo,
  kind: StepKind,
  exec: StepExecutor<Stop>,
): Promise<StepEnd<Stop>> {
  const stepper = new LineStepper(info, kind, exec.target());
  let d = stepper.start(exec.target());
  for (let n = 0; n < MAX_DECISIONS; n++) {
    if (d.action === 'stop') return { kind: 'done', reason: d.reason };
    const prev = exec.target().pc();
    const s = d.action === 'step' ? await exec.instruction() : await exec.runTo(d.address, d.stackPointer);
    if (s !== undefined) return { kind: 'interrupted', stop: s };
    d = stepper.next(exec.target(), prev);
  }
  return { kind: 'done', reason: `the step did not leave the line after ${MAX_DECISIONS} instructions` };
}
