/**
 * Event objects the host hands to triggers, after
 * https://developers.google.com/apps-script/guides/triggers/events.
 */
import { authMode } from './services/script';

/** A time-driven trigger's event: its fields are in UTC ("timezone": "UTC") per the events guide. */
export function clockEvent(nowMs: number, triggerUid: string): Record<string, unknown> {
  const d = new Date(nowMs);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    authMode: authMode('FULL'),
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid,
    'week-of-year': Math.ceil(((nowMs - jan1) / 86400000 + new Date(jan1).getUTCDay() + 1) / 7),
    year: d.getUTCFullYear(),
  };
}

/** An error's text as Apps Script prints it ("Exception: …" for service errors). */
export function describeError(e: unknown): string {
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message?: unknown };
    const name = typeof err.name === 'string' && err.name !== 'Error' ? `${err.name}: ` : '';
    return `${name}${String(err.message)}`;
  }
  return String(e);
}
