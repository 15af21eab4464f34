/**
 * Helpers shared by the service fakes: Apps Script enums, argument checks, byte conversions and the
 * authorisation rule for simple triggers.
 */
import type { HostRuntime } from '../runtime';

/**
 * One member of an Apps Script enum. In Apps Script enum members are objects compared by identity
 * (`button == ui.Button.YES`), printed by name (`String(ScriptApp.EventType.CLOCK)` is "CLOCK").
 */
export interface EnumValue {
  toString(): string;
  toJSON(): string;
  name(): string;
  ordinal(): number;
}

export type EnumOf<Names extends string> = Readonly<Record<Names, EnumValue>>;

/** A class, not plain objects, so the host never mistakes a member for data to copy across realms. */
class EnumMember implements EnumValue {
  constructor(
    private readonly label: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }
  toString(): string {
    return this.label;
  }
  toJSON(): string {
    return this.label;
  }
  name(): string {
    return this.label;
  }
  ordinal(): number {
    return this.index;
  }
}

export function makeEnum<Names extends string>(names: readonly Names[]): EnumOf<Names> {
  const out = {} as Record<Names, EnumValue>;
  names.forEach((name, ordinal) => {
    out[name] = new EnumMember(name, ordinal);
  });
  return Object.freeze(out);
}

/** The name of an enum member, or undefined when `value` is not one of `e`'s members. */
export function enumName<Names extends string>(
  e: EnumOf<Names>,
  value: unknown,
): Names | undefined {
  for (const name of Object.keys(e) as Names[]) if (e[name] === value) return name;
  return undefined;
}

/** Apps Script's name for a value's type in "The parameters (...) don't match" errors. */
function javaTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (Array.isArray(value)) return 'number[]';
  return 'Object';
}

/**
 * The error Apps Script raises when a method gets arguments of the wrong types, e.g.
 * "The parameters (String,String,String) don't match the method signature for Utilities.formatDate."
 * (wording observed in Apps Script executions; quoted widely on Stack Overflow).
 */
export function signatureError(rt: HostRuntime, method: string, args: readonly unknown[]): Error {
  return rt.scriptError(
    `The parameters (${args.map(javaTypeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** Signed Java bytes (-128..127), as Apps Script returns Byte[]. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const out: number[] = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = ((bytes[i] as number) << 24) >> 24;
  return out;
}

/** Accepts signed (-128..127) or unsigned (0..255) byte numbers, as Apps Script does for Byte[]. */
export function fromByteArray(
  rt: HostRuntime,
  data: readonly unknown[],
  method: string,
): Uint8Array {
  const out = new Uint8Array(data.length);
  data.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isInteger(b) || b < -128 || b > 255) {
      throw rt.scriptError(
        `Invalid argument: ${method} expects bytes (-128..127), got ${String(b)}`,
      );
    }
    out[i] = b & 0xff;
  });
  return out;
}

export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Simple triggers "cannot access services that require authorization"
 * (https://developers.google.com/apps-script/guides/triggers#restrictions). Apps Script refuses the
 * call with "You do not have permission to call ScriptApp.newTrigger. Required permissions:
 * https://www.googleapis.com/auth/script.scriptapp" (wording quoted in
 * ttsukagoshi/mail-merge-for-gmail#129, Japanese UI; the English text is the same sentence).
 * Later services (MailApp, DriveApp, DocumentApp) call this with their own scope.
 */
export function requireAuthorization(rt: HostRuntime, method: string, scope: string): void {
  if (rt.current?.kind === 'simple') {
    throw rt.scriptError(
      `You do not have permission to call ${method}. Required permissions: ${scope}`,
    );
  }
}

/**
 * A method whose reference page lists `scope` under "Authorization": refused in a simple trigger,
 * and refused when the manifest's oauthScopes (explicit scopes replace automatic detection,
 * https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes) do not
 * include it, with the same sentence Apps Script uses.
 */
export function requireScope(rt: HostRuntime, method: string, scope: string): void {
  requireAuthorization(rt, method, scope);
  if (rt.scopes !== undefined && !rt.scopes.includes(scope)) {
    throw rt.scriptError(
      `You do not have permission to call ${method}. Required permissions: ${scope}`,
    );
  }
}
