// F5 on a C file: the build task (powerpc64le-linux-gnu-gcc -g -O0 -static, the compiler a setting)
// is run in the terminal and the debugger launches its output; "Tasks: Run Task" offers the same
// task for the C file in the editor. No compiler: a message with the command that installs one.
import * as vscode from 'vscode';
import { C_TASK_TYPE, cBuildArgs, cLaunchConfig, findCompiler, isCSourcePath, missingCompilerMessage } from './c-build';

interface CTaskDefinition extends vscode.TaskDefinition {
  file: string;
}

function compilerSetting(): string | undefined {
  return vscode.workspace.getConfiguration('ppcWatchpointLab').get<string>('cCompiler');
}

function buildTask(
  file: string,
  compiler: string,
  scope: vscode.WorkspaceFolder | vscode.TaskScope = vscode.TaskScope.Workspace,
): vscode.Task {
  const def: CTaskDefinition = { type: C_TASK_TYPE, file };
  const task = new vscode.Task(
    def,
    scope,
    `build ${file.split(/[\\/]/).pop()}`,
    'PowerPC Watchpoint Lab',
    new vscode.ProcessExecution(compiler, cBuildArgs(file)),
    '$ppc-gcc',
  );
  task.group = vscode.TaskGroup.Build;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

class CBuildTasks implements vscode.TaskProvider {
  provideTasks(): vscode.Task[] {
    const doc = vscode.window.activeTextEditor?.document;
    const compiler = findCompiler(compilerSetting());
    if (!doc || !isCSourcePath(doc.uri.fsPath) || !compiler) return [];
    return [buildTask(doc.uri.fsPath, compiler)];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const def = task.definition as CTaskDefinition;
    const compiler = findCompiler(compilerSetting());
    if (typeof def.file !== 'string' || !compiler) return undefined;
    return buildTask(def.file, compiler, task.scope ?? vscode.TaskScope.Workspace);
  }
}

/** Builds a C file with the task and gives the configuration that debugs its output, or undefined (said why). */
export async function buildCForDebug(doc: vscode.TextDocument): Promise<vscode.DebugConfiguration | undefined> {
  const compiler = findCompiler(compilerSetting());
  if (!compiler) {
    void vscode.window.showErrorMessage(missingCompilerMessage(compilerSetting()));
    return undefined;
  }
  if (doc.isDirty) await doc.save();
  const file = doc.uri.fsPath;
  const task = buildTask(file, compiler, vscode.workspace.getWorkspaceFolder(doc.uri) ?? vscode.TaskScope.Workspace);
  const code = await new Promise<number | undefined>((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (
        e.execution.task.definition.type !== C_TASK_TYPE ||
        (e.execution.task.definition as CTaskDefinition).file !== file
      )
        return;
      sub.dispose();
      resolve(e.exitCode);
    });
    vscode.tasks.executeTask(task).then(undefined, (err: unknown) => {
      sub.dispose();
      void vscode.window.showErrorMessage(
        `Could not run the build of ${file}: ${err instanceof Error ? err.message : String(err)}`,
      );
      resolve(undefined);
    });
  });
  if (code !== 0) {
    if (code !== undefined)
      void vscode.window.showErrorMessage(
        `Building ${file.split(/[\\/]/).pop()} failed (${compiler} exited with ${code}): ` +
          'see the terminal and the Problems view.',
      );
    return undefined;
  }
  return cLaunchConfig(file) as vscode.DebugConfiguration;
}

export function registerCBuild(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.tasks.registerTaskProvider(C_TASK_TYPE, new CBuildTasks()));
}
