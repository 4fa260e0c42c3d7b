// One fuzz target run in its own process by scripts/fuzz.ts: inputs [start, start+count) of the
// target's fixed-seed sequence; before each input a line `start I`, after it `done I FINDINGS-JSON`,
// so that the parent sees a hang (no line for too long), kills this process and goes on after it.
import { writeAll } from '../../bin/wplab';
import { inputs, runOne } from './harness';
import { TARGETS } from './targets';

/** (written synchronously: process.exit would drop what a pipe has not taken yet, and the parent
 * would see an input start and never end) */
const say = (line: string) => writeAll(1, line);

async function main(): Promise<void> {
  const [name, seedText, startText, countText] = process.argv.slice(2);
  const t = TARGETS[name];
  const start = Number(startText);
  const all = inputs(t, Number(seedText), start + Number(countText));
  // an exception nobody catches is a crash of the input being run
  let current = -1;
  const crash = (e: unknown) => {
    const message = `uncaught: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    say(`done ${current} ${JSON.stringify([{ kind: 'crash', message }])}\n`);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  for (let i = start; i < all.length; i++) {
    current = i;
    say(`start ${i}\n`);
    // (the runner's own check: an input that never ends, on request)
    if (process.env.WPLAB_FUZZ_HANG_AT === String(i)) for (;;);
    const findings = await runOne(t, all[i] as never);
    say(`done ${i} ${JSON.stringify(findings)}\n`);
  }
  process.exit(0);
}

void main();
