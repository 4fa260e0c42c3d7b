// Malformed input never ends the session (issue 12: one `{bad json` frame made the adapter exit,
// and every later request went unanswered). The library reads frames itself and shuts the process
// down on any 'error' event, a frame it cannot parse included: frames are read here instead (a
// Content-Length that is not a number of at most MAX_FRAME bytes is skipped), a body that is not
// JSON or not a message is logged to the console and dropped, and only a broken stream ends it.
import type { DebugProtocol } from '@vscode/debugprotocol';
import { shown } from './request-args';

/** The largest frame read (a larger Content-Length is refused, not waited for) and header kept. */
export const MAX_FRAME = 64 * 1024 * 1024;
const MAX_HEADER = 64 * 1024;

/**
 * A reader of the protocol's frames (`Content-Length: N\r\n\r\n` + N bytes): feed it the stream's
 * chunks; it calls `message` with each frame's parsed body, and `log` with what it skipped.
 */
export function frameReader(message: (msg: unknown) => void, log: (text: string) => void): (data: Buffer) => void {
  let chunks: Buffer[] = [];
  let have = 0;
  let need = -1;
  const take = (n: number): Buffer => {
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, have);
    chunks = all.length > n ? [all.subarray(n)] : [];
    have = all.length - n;
    return all.subarray(0, n);
  };
  const frame = (body: string): void => {
    let msg: unknown;
    try {
      msg = JSON.parse(body);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      log(`ignored a frame that is not JSON (${why}): ${JSON.stringify(body.slice(0, 200))}`);
      return;
    }
    try {
      message(msg);
    } catch (e) {
      log(`internal error while handling a message: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (data: Buffer) => {
    chunks.push(data);
    have += data.length;
    for (;;) {
      if (need >= 0) {
        if (have < need) return;
        const body = take(need).toString('utf8');
        need = -1;
        if (body.length > 0) frame(body);
        continue;
      }
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, have);
      chunks = have > 0 ? [all] : [];
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) {
        if (have > MAX_HEADER) {
          log(`ignored ${have} bytes that hold no frame header`);
          take(have);
        }
        return;
      }
      const header = take(end + 4).toString('utf8', 0, end);
      const m = /^Content-Length: *(\d+) *$/im.exec(header);
      if (!m || Number(m[1]) > MAX_FRAME) {
        log(
          'ignored a frame header without a valid Content-Length ' +
            `(at most ${MAX_FRAME} bytes): ${JSON.stringify(header.slice(0, 200))}`,
        );
        continue;
      }
      need = Number(m[1]);
    }
  };
}

/** What a message from the editor is: a request to handle, one to refuse (with an answer when it
 * has a seq to answer), a response, or something to log and drop. */
export type Checked =
  | { kind: 'request' | 'response' }
  | { kind: 'refuse'; seq: number; command: string; problem: string }
  | { kind: 'drop'; log: string };

export function checkMessage(msg: unknown): Checked {
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
    return { kind: 'drop', log: `ignored a message that is not an object: ${JSON.stringify(msg)?.slice(0, 200)}` };
  }
  const m = msg as Partial<DebugProtocol.Request>;
  if (m.type === 'response') return { kind: 'response' };
  if (m.type !== 'request') {
    return { kind: 'drop', log: `ignored a message of type ${JSON.stringify(m.type)} (an editor sends requests)` };
  }
  const answerable = typeof m.seq === 'number' && Number.isInteger(m.seq);
  let problem: string | undefined;
  if (typeof m.command !== 'string' || m.command === '') problem = 'a request needs a "command" (a name)';
  else if (
    m.arguments !== undefined &&
    (typeof m.arguments !== 'object' || m.arguments === null || Array.isArray(m.arguments))
  ) {
    problem = `the arguments of "${m.command}" must be an object, not ${shown(m.arguments)}`;
  } else if (m.command === 'initialize' && m.arguments === undefined) {
    problem = '"initialize" needs its arguments: an object with "adapterID" (and "pathFormat": "path")';
  } else if (
    m.command === 'initialize' &&
    (m.arguments as DebugProtocol.InitializeRequestArguments).pathFormat === undefined
  ) {
    // (pathFormat is optional in the protocol, "path" by default; the library refuses it absent)
    (m.arguments as DebugProtocol.InitializeRequestArguments).pathFormat = 'path';
  }
  if (!answerable)
    return { kind: 'drop', log: `ignored a request without a "seq" number: ${JSON.stringify(msg).slice(0, 200)}` };
  if (problem !== undefined) {
    const command = typeof m.command === 'string' ? m.command : String(m.command);
    return { kind: 'refuse', seq: m.seq as number, command, problem };
  }
  return { kind: 'request' };
}
