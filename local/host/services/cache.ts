/**
 * CacheService: short-lived key-value caches on the virtual clock.
 *
 * Reference: https://developers.google.com/apps-script/reference/cache/cache — default expiry 600 s,
 * "The minimum is 1 second and the maximum is 21600 seconds (6 hours)"; keys up to 250 characters,
 * values up to 100 KB; "The cap for cached items is 1,000. If more than 1,000 items are written, the
 * cache stores the 900 items farthest from expiration."
 * Error texts "Argument too large: key" / "Argument too large: value" as Apps Script prints them
 * (joseballester/muFunds#13; tyskdm/rajah#1).
 * ASSUMPTIONS: an expiry above 21,600 s is capped at 21,600 s, below 1 s raised to 1 s; 100 KB means
 * 100 × 1024 UTF-8 bytes; items are never evicted before expiry except by the 1,000-item cap.
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { signatureError, utf8Length } from './common';

type RealCache = GoogleAppsScript.Cache.Cache;
type RealCacheService = GoogleAppsScript.Cache.CacheService;

export const CACHE_LIMITS = {
  defaultSeconds: 600,
  maxSeconds: 21600,
  keyChars: 250,
  valueBytes: 100 * 1024,
  maxItems: 1000,
  keepItems: 900,
} as const;

interface Entry {
  value: string;
  expiresMs: number;
}

export class CacheHost {
  readonly script = new Map<string, Entry>();
  readonly document = new Map<string, Entry>();
  readonly user = new Map<string, Map<string, Entry>>();

  userCache(email: string): Map<string, Entry> {
    let c = this.user.get(email);
    if (!c) this.user.set(email, (c = new Map<string, Entry>()));
    return c;
  }
}

class CacheFake implements FakeOf<RealCache> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly entries: Map<string, Entry>,
  ) {}

  get(key: string): string | null {
    this.rt.call('Cache.get');
    return this.read(String(key));
  }

  getAll(keys: string[]): { [key: string]: unknown } {
    this.rt.call('Cache.getAll');
    if (!Array.isArray(keys)) throw signatureError(this.rt, 'Cache.getAll', [keys]);
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.read(String(key));
      if (value !== null) out[String(key)] = value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.rt.call('Cache.put');
    if (key === undefined || value === undefined) {
      throw signatureError(this.rt, 'Cache.put', [key, value]);
    }
    const items: Array<[string, string]> = [[String(key), String(value)]];
    this.check(items);
    this.write(items, expirationInSeconds);
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    this.rt.call('Cache.putAll');
    if (values === null || typeof values !== 'object') {
      throw signatureError(this.rt, 'Cache.putAll', [values]);
    }
    const items = Object.entries(values).map(([k, v]) => [k, String(v)] as [string, string]);
    this.check(items);
    this.write(items, expirationInSeconds);
  }

  remove(key: string): void {
    this.rt.call('Cache.remove');
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.rt.call('Cache.removeAll');
    if (!Array.isArray(keys)) throw signatureError(this.rt, 'Cache.removeAll', [keys]);
    for (const key of keys) this.entries.delete(String(key));
  }

  private read(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresMs <= this.rt.nowMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  private check(items: Array<[string, string]>): void {
    for (const [k, v] of items) {
      if (k.length > CACHE_LIMITS.keyChars) throw this.rt.scriptError('Argument too large: key');
      if (utf8Length(v) > CACHE_LIMITS.valueBytes) {
        throw this.rt.scriptError('Argument too large: value');
      }
    }
  }

  private write(items: Array<[string, string]>, seconds: number | undefined): void {
    const s = Math.min(
      CACHE_LIMITS.maxSeconds,
      Math.max(
        1,
        seconds === undefined ? CACHE_LIMITS.defaultSeconds : Math.floor(Number(seconds)),
      ),
    );
    for (const [k, v] of items)
      this.entries.set(k, { value: v, expiresMs: this.rt.nowMs + s * 1000 });
    this.enforceCap();
  }

  private enforceCap(): void {
    for (const [k, e] of this.entries) if (e.expiresMs <= this.rt.nowMs) this.entries.delete(k);
    if (this.entries.size <= CACHE_LIMITS.maxItems) return;
    const keep = [...this.entries.entries()]
      .sort((a, b) => b[1].expiresMs - a[1].expiresMs)
      .slice(0, CACHE_LIMITS.keepItems);
    this.entries.clear();
    for (const [k, e] of keep) this.entries.set(k, e);
  }
}

class CacheServiceFake implements FakeOf<RealCacheService> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly host: CacheHost,
  ) {}

  getScriptCache(): RealCache {
    this.rt.call('CacheService.getScriptCache');
    return this.wrap(this.host.script);
  }

  getDocumentCache(): RealCache | null {
    this.rt.call('CacheService.getDocumentCache');
    // Bound to the spreadsheet, so there is a document cache (null only for standalone scripts).
    return this.wrap(this.host.document);
  }

  getUserCache(): RealCache {
    this.rt.call('CacheService.getUserCache');
    return this.wrap(this.host.userCache(this.rt.current?.user ?? this.rt.owner));
  }

  private wrap(entries: Map<string, Entry>): RealCache {
    return strict(new CacheFake(this.rt, entries), 'Cache');
  }
}

export function createCacheService(rt: HostRuntime, host: CacheHost): RealCacheService {
  return strict(new CacheServiceFake(rt, host), 'CacheService');
}

export const cacheChecks: [true, true] = [
  assertType<AssertNoExtraMethods<CacheFake, RealCache>>(),
  assertType<AssertNoExtraMethods<CacheServiceFake, RealCacheService>>(),
];
