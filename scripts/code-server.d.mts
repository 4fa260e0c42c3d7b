// Types for scripts/code-server.mjs (plain JavaScript so that `npm start` runs on bare Node).
export const CODE_SERVER_VERSION: string;
export const NODE_PACKAGE: string;
export const NODE_VERSION: string;
export const KRB5_HINT: string;

export interface CodeServerInstall {
  node: string;
  entry: string;
  dir: string;
}
export interface ServerDirs {
  root: string;
  userData: string;
  extensions: string;
  config: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
  xdgState: string;
  log: string;
}
export interface WorkbenchTarget {
  folder?: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}
export interface RunningCodeServer {
  port: number;
  origin: string;
  dirs: ServerDirs;
  pid: number;
  stop(): Promise<void>;
  exited: Promise<{ code: number | null; sig: string | null }>;
  url(target?: WorkbenchTarget): string;
}
type Log = (message: string) => void;

export function installDir(): string;
export function findCodeServer(dir?: string): CodeServerInstall | undefined;
export function ensureCodeServer(opts?: { log?: Log }): Promise<CodeServerInstall>;
export function freePort(): Promise<number>;
export function serverDirs(root: string): ServerDirs;
export function installExtension(vsix: string, dirs: ServerDirs, opts?: { log?: Log }): Promise<string>;
export function listExtensions(dirs: ServerDirs, opts?: { log?: Log }): Promise<string[]>;
export function startCodeServer(opts?: {
  root?: string;
  port?: number;
  smokeTestDriver?: boolean;
  log?: Log;
  readyTimeoutMs?: number;
}): Promise<RunningCodeServer>;
export function workbenchUrl(origin: string, target?: WorkbenchTarget): string;
