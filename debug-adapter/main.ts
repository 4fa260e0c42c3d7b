// The adapter as its own process over stdio (dist/adapter.js): what `adapterMode: process` and the
// adapter tests start.
import { DebugSession } from '@vscode/debugadapter';
import { WatchpointDebugSession } from './session';

DebugSession.run(WatchpointDebugSession);
