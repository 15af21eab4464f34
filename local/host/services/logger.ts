/**
 * Logger and console: lines for the run log, never printed to the real console unless asked.
 *
 * Reference: https://developers.google.com/apps-script/reference/base/logger (Logger.log(data),
 * Logger.log(format, ...values) with Java-style %s placeholders, getLog, clear) and
 * https://developers.google.com/apps-script/guides/logging (console.log/info/warn/error go to
 * Cloud Logging / the execution log).
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { isDate } from '../runtime';

type RealLogger = GoogleAppsScript.Base.Logger;

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface LogLine {
  source: 'Logger' | 'console';
  level: LogLevel;
  message: string;
  executionId?: number;
  functionName?: string;
  atMs: number;
}

export class LogHost {
  readonly lines: LogLine[] = [];
  /** Echo lines to the real console (off by default, so tests stay quiet). */
  echo = false;

  constructor(private readonly rt: HostRuntime) {}

  add(source: LogLine['source'], level: LogLevel, message: string): void {
    const exec = this.rt.current;
    const line: LogLine = {
      source,
      level,
      message,
      executionId: exec?.id,
      functionName: exec?.functionName,
      atMs: this.rt.nowMs,
    };
    this.lines.push(line);
    if (this.echo) console[level](`[${source}] ${message}`);
  }

  text(): string {
    return this.lines
      .map((l) => `${new Date(l.atMs).toISOString()} ${l.level.toUpperCase()} ${l.message}`)
      .join('\n');
  }
}

/** How Apps Script renders a logged value: strings as they are, objects as JSON, dates as toString. */
export function renderLogValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (isDate(value)) return String(value);
  if (value instanceof Object || typeof value === 'object') {
    const maybeError = value as { name?: unknown; message?: unknown; stack?: unknown };
    if (Object.prototype.toString.call(value) === '[object Error]') {
      return `${String(maybeError.name)}: ${String(maybeError.message)}`;
    }
    try {
      return JSON.stringify(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  // Only primitives are left here (number, boolean, bigint, symbol, function source).
  if (typeof value === 'function' || typeof value === 'symbol') return value.toString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return Object.prototype.toString.call(value);
}

/** Java-style %s / %d / %f substitution used by Logger.log(format, values...). */
function formatJava(format: string, values: unknown[]): string {
  let i = 0;
  return format.replace(/%(%|s|d|f|\.\d+f)/g, (match, spec: string) => {
    if (spec === '%') return '%';
    const v = values[i++];
    if (spec === 's') return renderLogValue(v);
    if (spec === 'd') return String(Math.trunc(Number(v)));
    if (spec === 'f') return Number(v).toFixed(6);
    return Number(v).toFixed(Number(spec.slice(1, -1)));
  });
}

class LoggerFake implements FakeOf<RealLogger> {
  private buffer: string[] = [];

  constructor(
    private readonly rt: HostRuntime,
    private readonly host: LogHost,
  ) {}

  log(format: unknown, ...values: unknown[]): RealLogger {
    this.rt.call('Logger.log');
    const message =
      typeof format === 'string' && values.length > 0
        ? formatJava(format, values)
        : renderLogValue(format);
    this.buffer.push(message);
    this.host.add('Logger', 'info', message);
    return this;
  }

  getLog(): string {
    this.rt.call('Logger.getLog');
    return this.buffer.map((m) => `${m}\n`).join('');
  }

  clear(): void {
    this.rt.call('Logger.clear');
    this.buffer = [];
  }
}

export function createLogger(rt: HostRuntime, host: LogHost): RealLogger {
  return strict(new LoggerFake(rt, host), 'Logger');
}

/** The script's `console`: log/info/warn/error (plus debug as log), recorded for the run log. */
export function createConsole(rt: HostRuntime, host: LogHost): object {
  const method =
    (level: LogLevel, name: string) =>
    (...args: unknown[]): void => {
      rt.call(`console.${name}`);
      host.add('console', level, args.map(renderLogValue).join(' '));
    };
  return strict(
    {
      log: method('log', 'log'),
      info: method('info', 'info'),
      warn: method('warn', 'warn'),
      error: method('error', 'error'),
      debug: method('log', 'debug'),
    },
    'console',
  );
}

export const loggerChecks: [true] = [assertType<AssertNoExtraMethods<LoggerFake, RealLogger>>()];
