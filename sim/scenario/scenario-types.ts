// A scenario, parsed: a machine, its tasks, and the tracer's script (SCENARIOS.md §1-§4).
import type { CpuModelName, KernelPolicy } from '../hwbp/cpu-model';

export interface Pos {
  line: number; // 1-based
  col: number; // 1-based
}

/** An expression as written: numbers, symbols, sums and differences (SCENARIOS.md §3). */
export interface Expr {
  text: string;
  terms: Array<
    { sign: 1 | -1; kind: 'num'; value: bigint } | { sign: 1 | -1; kind: 'sym'; name: string; offset: number }
  >;
  pos: Pos;
}

export interface ScenarioMachine {
  cpu: CpuModelName;
  cpus: number;
  kernel: KernelPolicy;
  dawrForceEnable: boolean;
  cwd: string;
}

export interface ScenarioTask {
  name: string;
  program: string; // path relative to the scenario file
  /** argv[1..] of an ELF task (argv[0] is the program path) */
  args: string[];
  entry?: Expr;
  regs: Array<{ reg: string; value: Expr; pos: Pos }>;
  cpu?: number;
  traced: boolean;
  stdin?: string;
  pos: Pos;
}

/** An argument value: an expression, a name (id, task, enum), a boolean or a number. */
export type ArgValue =
  | { kind: 'expr'; expr: Expr }
  | { kind: 'name'; name: string; pos: Pos }
  | { kind: 'bool'; value: boolean; pos: Pos }
  | { kind: 'int'; value: number; pos: Pos };

export type Expectation =
  | { kind: 'status'; status: string; pos: Pos } // ok or an errno name or a stop event
  | { kind: 'number'; value: bigint; pos: Pos }
  | { kind: 'range'; lo: Expr; hi: Expr; pos: Pos }
  | {
      kind: 'map';
      fields: Array<{
        key: string;
        value: Expectation | { kind: 'name'; name: string; pos: Pos } | { kind: 'expr'; expr: Expr };
      }>;
      pos: Pos;
    };

export interface Step {
  index: number;
  op: string;
  args: Map<string, ArgValue>;
  expect?: Expectation;
  /** the YAML text of the expectation, for the report */
  expectText?: string;
  pos: Pos;
}

/** A step's result: `status` is ok, an errno name, or a stop's event; the other fields are its values. */
export interface StepResult {
  status: string;
  fields: Record<string, bigint | number | string>;
}

export interface Scenario {
  file: string;
  machine: ScenarioMachine;
  /** which machine keys the file set (flags override only what they name) */
  tasks: ScenarioTask[];
  steps: Step[];
}

export interface ScenarioError {
  file: string;
  pos: Pos;
  message: string;
}

export function formatScenarioError(e: ScenarioError): string {
  return `${e.file}:${e.pos.line}:${e.pos.col}: ${e.message}`;
}
