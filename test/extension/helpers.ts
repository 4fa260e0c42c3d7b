// Shared by the extension-host tests: the extension's API and a scratch assembly file.
import * as vscode from 'vscode';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtensionApi } from '../../extension/extension';

export const EXTENSION_ID = 'ppc-watchpoint-lab.ppc-watchpoint-lab';

export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : ext.activate();
}

export const PROGRAM = `    .text
    .globl _start
_start:
    lis r3, value@ha
    addi r3, r3, value@l
    ld r4, 0(r3)
    li r0, 1
    sc
    .data
    .align 3
value: .quad 42
`;

/** Writes a scratch file and opens it in an editor. */
export async function openScratch(name: string, text: string): Promise<vscode.TextEditor> {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-ext-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(doc);
}
