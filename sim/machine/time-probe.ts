// A look inside a machine's run for the debugger's time travel (step back, reverse continue): which
// task ran which instructions, counted on the machine's global instruction clock, and optionally a
// look at one task before each of its instructions. It wraps the cores' run method of one machine
// while attached and restores it when detached, so the interpreter's hot path is untouched when no
// one is looking. The slices and instructions seen are the ones the machine runs anyway: attaching
// a probe changes nothing the program or the kernel model does.
import type { CoreStop } from '../cpu/core';
import type { Machine } from './machine';
import type { Task } from './task';

export interface TimeProbeHooks {
  /** after each run of a core: `t` executed instructions start .. start+ran-1 of the global clock */
  slice?: (t: Task, start: number, ran: number) => void;
  /** before each instruction of the task with this pid (its PC is the instruction's address) */
  before?: { pid: number; look: (t: Task, icount: number) => void };
}

export class TimeProbe {
  constructor(
    private readonly machine: Machine,
    hooks: TimeProbeHooks,
  ) {
    for (const core of machine.cores) {
      const run = core.run.bind(core);
      core.run = (thread, mem, budget): CoreStop => {
        const t = this.taskOf(thread);
        const start = machine.icount;
        const before = core.icount;
        let stop: CoreStop;
        if (t && hooks.before && t.pid === hooks.before.pid) {
          // one instruction at a time: the same instructions, the same stops, a look before each
          stop = { kind: 'limit' };
          for (let i = 0; i < budget; i++) {
            hooks.before.look(t, machine.icount);
            stop = run(thread, mem, 1);
            if (stop.kind !== 'limit') break;
          }
        } else stop = run(thread, mem, budget);
        if (t && hooks.slice) hooks.slice(t, start, core.icount - before);
        return stop;
      };
    }
  }

  private taskOf(thread: unknown): Task | undefined {
    return this.machine.tasks.find((t) => t.thread === thread);
  }

  detach(): void {
    // an own property shadowing the prototype's method: deleting it restores the original
    for (const core of this.machine.cores) delete (core as { run?: unknown }).run;
  }
}
