// Checks every message the panel receives before it is rendered (the panel renders from messages
// only). The shapes of the adapter's data are checked by contract/ as the extension checks them; the
// panel bundle contains no extension or adapter code (type-only imports).
import { arrOf, isBool, isNat, isObj, isStr, oneOf, optStr } from '../contract/guards';
import { isCounter, isCpuSlots, isDecision, isMachine, isStoppedFields, isTimeline } from '../contract/view-checks';
import { SESSION_STATES, type PanelRow, type ToPanel } from '../contract/panel-messages';

function isRow(v: unknown): v is PanelRow {
  return isObj(v) && isDecision(v.d) && isStr(v.branchText) && arrOf(v.effectTexts, isStr);
}

/** The message if it has the shape of one the host sends, else undefined. */
export function checkToPanel(m: unknown): ToPanel | undefined {
  if (!isObj(m)) return undefined;
  switch (m.type) {
    case 'session': {
      const state = oneOf(SESSION_STATES, m.state);
      return state && optStr(m.id) && optStr(m.name) && optStr(m.message) && (m.reset === undefined || isBool(m.reset))
        ? (m as ToPanel)
        : undefined;
    }
    case 'slots':
      return isMachine(m.machine) && arrOf(m.cpus, isCpuSlots) ? (m as ToPanel) : undefined;
    case 'counters':
      return arrOf(m.counters, isCounter) ? (m as ToPanel) : undefined;
    case 'decisionCount':
      return isNat(m.gen) &&
        isNat(m.count) &&
        isBool(m.exact) &&
        isNat(m.total) &&
        isNat(m.dropped) &&
        arrOf(m.tasks, isStr)
        ? (m as ToPanel)
        : undefined;
    case 'decisionPage':
      return isNat(m.gen) && isNat(m.start) && arrOf(m.rows, isRow) ? (m as ToPanel) : undefined;
    case 'perfResult':
      return isNat(m.reqId) && isBool(m.ok) && optStr(m.error) && optStr(m.message) ? (m as ToPanel) : undefined;
    case 'timeline':
      return isNat(m.reqId) && (m.data === undefined || isTimeline(m.data)) && optStr(m.error)
        ? (m as ToPanel)
        : undefined;
    case 'decisionDetail':
      return isNat(m.seq) && (m.row === undefined || isRow(m.row)) ? (m as ToPanel) : undefined;
    case 'stopped':
      return isStoppedFields(m) ? (m as ToPanel) : undefined;
    default:
      return undefined;
  }
}
