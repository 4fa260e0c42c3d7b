// The launch request's settings, checked (contract/launch-settings.ts, the same checks the extension
// shows) before anything runs: an invalid launch is an error response naming the first problem, never
// a half-started session.
import { checkLaunchSettings, type LaunchConfig } from '../contract/launch-settings';

export {
  DEFAULT_MAX_STEPS,
  parseAddress,
  type LaunchConfig,
  type PerfDecl,
  type RearmPolicy,
  type ValueChangePolicy,
} from '../contract/launch-settings';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Checks the launch arguments; the first problem found is the message (naming the setting). */
export function checkLaunch(args: Record<string, unknown> | undefined): Checked<LaunchConfig> {
  const r = checkLaunchSettings(args);
  return r.config ? { ok: true, value: r.config } : { ok: false, message: r.problems[0] };
}
