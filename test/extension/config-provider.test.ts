import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { C_INSTALL, findCompiler } from '../../extension/c-build';
import { ConfigProvider, DynamicConfigProvider } from '../../extension/config-provider';
import { EXTENSION_ID, api, openScratch, PROGRAM } from './helpers';

suite('debug configuration provider', () => {
  test(
    "a new launch.json gets the configuration once: package.json's, the provider adds " + 'none (issue 13, defect 6)',
    () => {
      // VS Code writes the contribution's initialConfigurations and those of an Initial provider: one of them only
      assert.equal('provideDebugConfigurations' in new ConfigProvider(), false);
      const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
        contributes: { debuggers: Array<{ type: string; initialConfigurations: Array<Record<string, unknown>> }> };
      };
      const initial = pkg.contributes.debuggers.find((d) => d.type === 'ppc-watchpoint')!.initialConfigurations;
      assert.equal(initial.length, 1);
      assert.equal(initial[0].program, '${file}');
    },
  );

  test('F5 with no launch.json on an open .S file fills program', async () => {
    const ed = await openScratch('f5.S', PROGRAM);
    const c = await new ConfigProvider().resolveDebugConfiguration(undefined, {
      type: '',
      request: '',
      name: '',
    } as vscode.DebugConfiguration);
    assert.ok(c, 'no configuration resolved');
    assert.equal(c.type, 'ppc-watchpoint');
    assert.equal(c.request, 'launch');
    assert.equal(c.program, ed.document.uri.fsPath);
  });

  test('Select and Start Debugging offers an open C file; starting it builds it first', async function () {
    if (!findCompiler(undefined)) {
      if (process.env.CI === 'true') throw new Error(`powerpc64le-linux-gnu-gcc is missing: ${C_INSTALL}`);
      this.skip();
    }
    const ed = await openScratch('offered.c', 'int main(void) {\n  return 0;\n}\n');
    const source = ed.document.uri.fsPath;
    const folder = vscode.workspace.getWorkspaceFolder(ed.document.uri);
    const offered = new DynamicConfigProvider().provideDebugConfigurations(folder).find((c) => c.program === source);
    assert.ok(offered, 'the open C file is offered');
    assert.equal(offered.name, 'Build and debug offered.c');
    const resolved = await new ConfigProvider().resolveDebugConfigurationWithSubstitutedVariables(folder, offered);
    assert.ok(resolved, 'the configuration resolved (built)');
    assert.equal(resolved.program, source.replace(/\.c$/, '.elf'));
    assert.ok(existsSync(resolved.program as string), 'the build task wrote the program');
  });

  test('invalid settings stop the launch', async () => {
    const p = new ConfigProvider();
    assert.equal(
      await p.resolveDebugConfigurationWithSubstitutedVariables(undefined, {
        type: 'ppc-watchpoint',
        request: 'launch',
        name: 'bad',
        program: '/x.S',
        cpu: 'power11',
      }),
      undefined,
    );
    const ok = await p.resolveDebugConfigurationWithSubstitutedVariables(undefined, {
      type: 'ppc-watchpoint',
      request: 'launch',
      name: 'ok',
      program: '/x.S',
      cpu: 'power8',
    });
    assert.equal(ok?.cpu, 'power8');
  });

  test('the registered provider refuses a bad configuration through startDebugging', async () => {
    await api();
    const started = await vscode.debug.startDebugging(undefined, {
      type: 'ppc-watchpoint',
      request: 'launch',
      name: 'bad kernel',
      program: '/nonexistent.S',
      kernel: '5.0',
    });
    assert.equal(started, false);
  });
});
