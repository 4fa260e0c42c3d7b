// Types for test/c-corpus/harness.mjs (plain JavaScript so that scripts/c-corpus.mjs runs on bare Node).
export const ROOT: string;
export const PROGRAMS_DIR: string;
export const BREADTH_DIR: string;
export const WPLAB: string;
export const GCC: string;
export const QEMU: string;
export const COMMON_FLAGS: string[];
export const LIBS: string[];
export interface Variant {
  opt: '-O0' | '-O2';
  cpu: 'power8' | 'power9' | 'power10';
  name: string;
}
export const VARIANTS: Variant[];
export const QUICK_VARIANTS: Variant[];
export const REF_TIMEOUT_MS: number;
export const PRODUCT_TIMEOUT_MS: number;
export const PRODUCT_MAX_STEPS: number;

export interface Tools {
  gcc?: string;
  qemu?: string;
  env?: string;
}
export interface CProgram {
  name: string;
  path: string;
  source: Buffer;
  args: string[];
  stdin?: Buffer;
  stdinPath?: string;
  /** `// qemu-differs: WHY`: qemu-user differs from Linux here, the reference is `linux` (NAME.linux) */
  qemuDiffers?: string;
  linux?: Buffer;
  /** which folder: programs/ ('core') or breadth/ ('breadth'); undefined for a file given by path */
  set?: 'core' | 'breadth';
}
export interface RunResult {
  stdout: Buffer;
  /** less the runner's own last line (qemu's "uncaught target signal", wplab's "wplab exec: ...") */
  stderr: Buffer;
  /** exit code, or 128+N for a signal N */
  status: number;
  signal: string | null;
  timedOut: boolean;
  ms: number;
  /** the runner's own line, if it printed one */
  note: string;
  /** set when the reference worked around a known qemu deviation */
  deviation?: string;
}
export interface Difference {
  kind: string;
  message: string;
}
export interface VariantResult {
  compileError?: string;
  ref?: RunResult;
  ours?: RunResult;
  refProblem?: string;
  diff?: Difference;
  compileMs?: number;
  cached?: boolean;
}

export function cacheDir(): string;
export function which(name: string): string | undefined;
export function findTools(): Tools;
export function compilerId(gcc: string): string;
export function loadProgram(file: string): CProgram;
export function corpusPrograms(): CProgram[];
export function compileFlags(variant: Variant): string[];
export function binaryPath(tools: Tools, prog: CProgram, variant: Variant): string;
export function compile(
  tools: Tools,
  prog: CProgram,
  variant: Variant,
): Promise<{ binary: string; cached: boolean; ms: number } | { error: string }>;
export function runReference(tools: Tools, prog: CProgram, variant: Variant, binary: string): Promise<RunResult>;
export function runProduct(prog: CProgram, variant: Variant, binary: string): Promise<RunResult>;
export function describeStatus(status: number): string;
export function compareRuns(ref: RunResult, ours: RunResult, labels?: [string, string]): Difference | undefined;
export function referenceProblem(ref: RunResult): string | undefined;
export function ensureWplabBuilt(): string | undefined;
export class Pool {
  constructor(size: number);
  add<T>(priority: number, fn: () => T | Promise<T>): Promise<T>;
}
export function checkVariant(
  pool: Pool,
  tools: Tools,
  prog: CProgram,
  variant: Variant,
  opts?: { refOnly?: boolean; refRuns?: number },
): Promise<VariantResult>;
