// What issue 13's new user met in VS Code, in the extension host of a real VS Code (code-server):
// F5 on a scenario file, the dynamic configurations listed once, watches that are breakpoints with
// enable/disable/remove and a Variables view told to refresh, the stop's short reason with its
// whole sentence in the Debug Console, gutter markers with a hover on the line that go away when
// time travel goes back before the hit, the panel's timeline through the host, and Export Trace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { TimelineResponse, WatchesEvent } from '../../debug-adapter/panel-protocol';
import { DynamicConfigProvider } from '../../extension/config-provider';
import type { ToPanel } from '../../contract/panel-messages';
import { traceProblems } from '../helpers/chrome-trace';
import { api, openScratch } from './helpers';

const EXAMPLES = (vscode.workspace.workspaceFolders ?? [])[0]?.uri.fsPath ?? '';

// a loop storing `counter` (line 9) and loading `spare` (line 10); data lines 18 and 20
const LOOP = [
  '\t.abiversion 2', //                        1
  '\t.text', //                                2
  '\t.globl _start', //                        3
  '_start:', //                                4
  '\tlis 9,counter@ha', //                     5
  '\taddi 9,9,counter@l', //                   6
  '\tli 4,3', //                               7
  '\tmtctr 4', //                              8
  'loop:\tstd 4,0(9)', //                      9
  '\tld 6,8(9)', //                            10
  '\tbdnz loop', //                            11
  '\tli 0,1', //                               12
  '\tli 3,0', //                               13
  '\tsc', //                                   14
  '\t.data', //                                15
  '\t.balign 8', //                            16
  '\t.globl counter', //                       17
  'counter:\t.quad 0', //                      18
  '\t.size counter,8', //                      19
  'spare:\t.quad 0', //                        20
  '\t.size spare,8', //                        21
  '',
].join('\n');

/** Every message of ppc-watchpoint sessions, from the adapter (registered before they start). */
const fromAdapter: Array<{ session: string; m: DebugProtocol.ProtocolMessage }> = [];
let tracking: vscode.Disposable | undefined;

function started(): Promise<vscode.DebugSession> {
  return new Promise((resolve) => {
    const sub = vscode.debug.onDidStartDebugSession((s) => {
      if (s.type === 'ppc-watchpoint') {
        sub.dispose();
        resolve(s);
      }
    });
  });
}

async function until<T>(
  f: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function events(s: vscode.DebugSession, name: string): DebugProtocol.Event[] {
  return fromAdapter
    .filter((x) => x.session === s.id && x.m.type === 'event' && (x.m as DebugProtocol.Event).event === name)
    .map((x) => x.m as DebugProtocol.Event);
}

async function stopped(s: vscode.DebugSession, n: number): Promise<DebugProtocol.StoppedEvent> {
  return until(() => events(s, 'stopped')[n] as DebugProtocol.StoppedEvent | undefined, `stop ${n + 1}`);
}

/** Continue the thread of the first stop (a request to the adapter: VS Code's continue command acts
 * on the focused thread, which it sets only after it fetched the stack). */
async function cont(s: vscode.DebugSession): Promise<void> {
  const tid = (await stopped(s, 0)).body.threadId;
  await s.customRequest('continue', { threadId: tid });
}

const terminated = new Set<string>();

async function end(s: vscode.DebugSession): Promise<void> {
  if (terminated.has(s.id)) return;
  const gone = new Promise<void>((resolve) => {
    const sub = vscode.debug.onDidTerminateDebugSession((t) => {
      if (t.id === s.id) {
        sub.dispose();
        resolve();
      }
    });
  });
  await vscode.debug.stopDebugging(s);
  if (!terminated.has(s.id)) await gone;
}

/** A line breakpoint set as a person sets it (VS Code sends it), once the adapter has answered. */
async function lineBreakpoint(s: vscode.DebugSession, uri: vscode.Uri, line: number): Promise<vscode.SourceBreakpoint> {
  const before = fromAdapter.filter(
    (x) => x.session === s.id && (x.m as DebugProtocol.Response).command === 'setBreakpoints',
  ).length;
  const bp = new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(line - 1, 0)));
  vscode.debug.addBreakpoints([bp]);
  await until(
    () =>
      fromAdapter.filter((x) => x.session === s.id && (x.m as DebugProtocol.Response).command === 'setBreakpoints')
        .length > before,
    `the breakpoint on line ${line} set`,
  );
  return bp;
}

suite('what a new user met (issue 13)', function () {
  // sessions, time travel and a machine shared with other work: more than mocha's default per test
  this.timeout(90_000);
  suiteSetup(async () => {
    await api();
    vscode.debug.onDidTerminateDebugSession((t) => terminated.add(t.id));
    tracking = vscode.debug.registerDebugAdapterTrackerFactory('ppc-watchpoint', {
      createDebugAdapterTracker: (s) => ({
        onDidSendMessage: (m: DebugProtocol.ProtocolMessage) => {
          fromAdapter.push({ session: s.id, m });
        },
      }),
    });
  });
  suiteTeardown(() => tracking?.dispose());

  test('defect 2: F5 on an open scenario file debugs it (no launch.json)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wplab-f5-'));
    copyFileSync(join(EXAMPLES, 'ptrace-perf-asm.S'), join(dir, 'ptrace-perf-asm.S'));
    copyFileSync(join(EXAMPLES, 'same_watch_addr.yaml'), join(dir, 'same_watch_addr.yaml'));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(dir, 'same_watch_addr.yaml')));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'yaml');
    const start = started();
    await vscode.commands.executeCommand('workbench.action.debug.start');
    const s = await Promise.race([start, new Promise<undefined>((r) => setTimeout(() => r(undefined), 20_000))]);
    assert.ok(s, 'F5 on the scenario started no session');
    try {
      assert.equal(s.configuration.scenario, doc.uri.fsPath);
      await stopped(s, 0);
    } finally {
      await end(s);
    }
    // a YAML file that is no scenario is not taken for one
    const other = await openScratch('ci.yaml', 'jobs:\n  build:\n    steps:\n      - run: make\n');
    assert.equal(await vscode.commands.executeCommand('ppcWatchpointLab.debugFile', other.document.uri), false);
  });

  test('defect 6: a dynamic configuration is listed once, under the folder that holds the file', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(EXAMPLES, 'loops.S')));
    await vscode.window.showTextDocument(doc);
    const folder = vscode.workspace.workspaceFolders![0];
    const p = new DynamicConfigProvider();
    assert.ok(
      p.provideDebugConfigurations(folder).some((c) => c.program === doc.uri.fsPath),
      'listed for its folder',
    );
    assert.ok(
      !p.provideDebugConfigurations(undefined).some((c) => c.program === doc.uri.fsPath),
      'not again under the user settings',
    );
  });

  test(
    'defects 3 and 8: a CodeLens watch is a breakpoint (enable, disable, remove); the ' +
      'Variables view is told; the stop is short, its sentence in the Debug Console',
    async () => {
      const ed = await openScratch('watch-lens.S', LOOP);
      const uri = ed.document.uri;
      const start = started();
      assert.equal(
        await vscode.debug.startDebugging(undefined, {
          type: 'ppc-watchpoint',
          request: 'launch',
          name: 'lens',
          program: uri.fsPath,
          stopOnEntry: true,
        }),
        true,
      );
      const s = await start;
      await until(() => vscode.debug.activeDebugSession?.id === s.id, 'the active session');
      await stopped(s, 0);
      const mine = () =>
        vscode.debug.breakpoints.filter(
          (b): b is vscode.SourceBreakpoint =>
            b instanceof vscode.SourceBreakpoint && b.location.uri.toString() === uri.toString(),
        );
      const watches = async () => ((await s.customRequest('wplab.watchList')) as WatchesEvent).watches;
      try {
        const invalidatedBefore = events(s, 'invalidated').length;
        const out = await vscode.commands.executeCommand<{ ok: boolean; message: string; via: string }>(
          'ppcWatchpointLab.watchWrite',
          uri,
          18,
        );
        assert.ok(out?.ok, out?.message);
        assert.match(out?.message ?? '', /Watching counter \(ptrace watchpoint: write counter/);
        // in the Breakpoints view (VS Code's breakpoints), with its mode
        assert.deepEqual(
          mine().map((b) => [
            b.location.range.start.line,
            b.enabled,
            (b as vscode.SourceBreakpoint & { mode?: string }).mode,
          ]),
          [[17, true, 'write']],
        );
        assert.deepEqual(
          (await watches()).map((w) => [w.label, w.access, w.verified, w.source?.line]),
          [['counter', 'write', true, 18]],
        );
        await until(
          () => events(s, 'invalidated').length > invalidatedBefore,
          'an invalidated event (the Variables view refreshes its Watchpoints scope)',
        );
        // the same action again changes nothing
        await vscode.commands.executeCommand('ppcWatchpointLab.watchWrite', uri, 18);
        assert.equal(mine().length, 1);
        // continue to the watchpoint stop: the Call Stack view gets a short reason, the console the whole sentence
        await cont(s);
        const st = await stopped(s, 1);
        assert.equal(st.body.reason, 'data breakpoint');
        assert.match(st.body.description ?? '', /^Watchpoint \d+ \(write counter\)$/);
        assert.match(
          st.body.text ?? '',
          /"std r4,0\(r9\)" .* is about to write 0x3 from r4 to 8 bytes at 0x10100000 \(counter\)/,
        );
        const said = await until(
          () =>
            events(s, 'output')
              .map((e) => (e.body as { output: string }).output)
              .find((o) => /^watch-lens: Watchpoint \d+ \(write counter\): "std r4,0\(r9\)"/.test(o)),
          'the sentence in the Debug Console',
        );
        assert.match(said, /SIGTRAP TRAP_HWBKPT/);
        // disable it in VS Code: the adapter frees it
        const [bp] = mine();
        vscode.debug.removeBreakpoints([bp]);
        const Ctor = vscode.SourceBreakpoint as unknown as new (
          l: vscode.Location,
          enabled?: boolean,
          c?: string,
          h?: string,
          lm?: string,
          mode?: string,
        ) => vscode.SourceBreakpoint;
        vscode.debug.addBreakpoints([new Ctor(bp.location, false, undefined, undefined, undefined, 'write')]);
        await until(async () => (await watches()).length === 0, 'the disabled watch freed');
        // enable again from the CodeLens, then remove it
        assert.ok((await vscode.commands.executeCommand<{ ok: boolean }>('ppcWatchpointLab.watchWrite', uri, 18))?.ok);
        assert.deepEqual(
          mine().map((b) => b.enabled),
          [true],
        );
        vscode.debug.removeBreakpoints(mine());
        await until(async () => (await watches()).length === 0, 'the removed watch freed');
      } finally {
        vscode.debug.removeBreakpoints(mine());
        await end(s);
      }
    },
  );

  test(
    'defect 9: gutter markers have a hover over their line and go when a step back goes ' + 'before the hit',
    async () => {
      const a = await api();
      const ed = await openScratch('gutter-back.S', LOOP);
      const path = ed.document.uri.fsPath;
      const start = started();
      assert.equal(
        await vscode.debug.startDebugging(undefined, {
          type: 'ppc-watchpoint',
          request: 'launch',
          name: 'gutter',
          program: path,
          stopOnEntry: true,
          perf: [{ name: 'w', symbol: 'counter', len: 8, type: 'w' }],
        }),
        true,
      );
      const s = await start;
      await until(() => vscode.debug.activeDebugSession?.id === s.id, 'the active session');
      await stopped(s, 0);
      try {
        // run to the load after the first store: the perf counter's decisions mark line 9
        const bp = await lineBreakpoint(s, ed.document.uri, 10);
        await cont(s);
        vscode.debug.removeBreakpoints([bp]);
        await stopped(s, 1);
        a.gutter.flush();
        const marks = await until(() => {
          a.gutter.flush();
          const d = a.gutter.decorationsFor(path, ed.document).perf;
          return d.length > 0 && d;
        }, 'a perf marker');
        assert.equal(marks[0].range.start.line, 8);
        assert.equal(
          marks[0].range.end.character,
          ed.document.lineAt(8).text.length,
          "the hover covers the line's text",
        );
        assert.match((marks[0].hoverMessage as vscode.MarkdownString).value, /perf-single-step|step-complete/);
        // back before the store: the marker goes
        await s.customRequest('stepBack', {
          threadId: (events(s, 'stopped')[1] as DebugProtocol.StoppedEvent).body.threadId,
        });
        await s.customRequest('stepBack', {
          threadId: (events(s, 'stopped')[1] as DebugProtocol.StoppedEvent).body.threadId,
        });
        await until(() => {
          a.gutter.flush();
          return a.gutter.decorationsFor(path).perf.length === 0;
        }, 'the marker gone after stepping back before the hit');
      } finally {
        await end(s);
      }
    },
  );

  test("the panel's timeline through the host, and Export Trace", async () => {
    const a = await api();
    const ed = await openScratch('timeline.S', LOOP);
    const start = started();
    assert.equal(
      await vscode.debug.startDebugging(undefined, {
        type: 'ppc-watchpoint',
        request: 'launch',
        name: 'timeline',
        program: ed.document.uri.fsPath,
        stopOnEntry: true,
        perf: [{ name: 'w', symbol: 'counter', len: 8, type: 'w' }],
      }),
      true,
    );
    const s = await start;
    await until(() => vscode.debug.activeDebugSession?.id === s.id, 'the active session');
    try {
      await stopped(s, 0);
      const bp = await lineBreakpoint(s, ed.document.uri, 12);
      await cont(s);
      await stopped(s, 1);
      vscode.debug.removeBreakpoints([bp]);
      const posted: ToPanel[] = [];
      const sub = a.panel.onDidPost.event((m) => posted.push(m));
      try {
        a.panel.onPanelMessage({ type: 'timeline', reqId: 41, from: 0, buckets: 300 });
        const t = await until(
          () =>
            posted.find((m): m is Extract<ToPanel, { type: 'timeline' }> => m.type === 'timeline' && m.reqId === 41),
          'the timeline',
        );
        const data = t.data as TimelineResponse;
        assert.ok(data, t.error);
        assert.ok(data.marks.some((m) => m.branch === 'perf-single-step' || m.branches?.includes('perf-single-step')));
        assert.ok(data.lanes.some((l) => l.segments.some((g) => g.label === 'perf "w"')));
        // a bad window from the webview is refused before it reaches the adapter
        a.panel.onPanelMessage({ type: 'timeline', reqId: 42, from: -5, buckets: 300 });
        assert.match(a.panel.rejected.at(-1) ?? '', /from must be a clock value/);
      } finally {
        sub.dispose();
      }
      const file = join(mkdtempSync(join(tmpdir(), 'wplab-trace-')), 'timeline.trace.json');
      assert.equal(await vscode.commands.executeCommand('ppcWatchpointLab.exportTrace', file), file);
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepEqual(traceProblems(doc), []);
      assert.ok((doc.traceEvents as Array<{ cat?: string }>).some((e) => e.cat === 'decision'));
    } finally {
      await end(s);
    }
  });
});
