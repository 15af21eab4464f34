/**
 * PropertiesService: script, user and document key-value stores that outlive executions.
 *
 * Reference: https://developers.google.com/apps-script/reference/properties and
 * https://developers.google.com/apps-script/guides/properties. Limits from the quotas page
 * (https://developers.google.com/apps-script/guides/services/quotas): "Properties value size 9 KB / val",
 * "Properties total storage 500 KB / property store".
 *
 * Error texts, as Apps Script prints them (no reference page lists them):
 * - a value over 9 KB: "Argument too large: value" (quoted by public fakes and logs, e.g. the 9216-byte
 *   check in several Apps Script test harnesses on GitHub);
 * - a store over 500 KB: "You have exceeded the property storage quota. Please remove some properties and
 *   try again." (lucasvtiradentes/gcal-sync#115).
 * ASSUMPTION: sizes are UTF-8 bytes; a store's size is the sum of its keys' and values' bytes; 1 KB = 1024 B.
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { signatureError, utf8Length } from './common';

type RealProperties = GoogleAppsScript.Properties.Properties;
type RealPropertiesService = GoogleAppsScript.Properties.PropertiesService;

export const PROPERTY_LIMITS = { valueBytes: 9 * 1024, storeBytes: 500 * 1024 } as const;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/** Host side: the stores' contents, readable and seedable by tests. */
export class PropertiesHost {
  readonly script = new Map<string, string>();
  readonly document = new Map<string, string>();
  readonly user = new Map<string, Map<string, string>>();

  userStore(email: string): Map<string, string> {
    let store = this.user.get(email);
    if (!store) this.user.set(email, (store = new Map<string, string>()));
    return store;
  }
}

function storeBytes(store: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of store) n += utf8Length(k) + utf8Length(v);
  return n;
}

class PropertiesFake implements FakeOf<RealProperties> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly store: Map<string, string>,
  ) {}

  getProperty(key: string): string | null {
    this.rt.call('Properties.getProperty');
    return this.store.get(String(key)) ?? null;
  }

  getProperties(): { [key: string]: string } {
    this.rt.call('Properties.getProperties');
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    this.rt.call('Properties.getKeys');
    return [...this.store.keys()];
  }

  setProperty(key: string, value: string): RealProperties {
    this.rt.call('Properties.setProperty');
    if (key === null || key === undefined || value === undefined) {
      throw signatureError(this.rt, 'Properties.setProperty', [key, value]);
    }
    this.write([[String(key), String(value)]], false);
    return this.self();
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): RealProperties {
    this.rt.call('Properties.setProperties');
    if (properties === null || typeof properties !== 'object') {
      throw signatureError(this.rt, 'Properties.setProperties', [properties]);
    }
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as [string, string]);
    this.write(entries, deleteAllOthers === true);
    return this.self();
  }

  deleteProperty(key: string): RealProperties {
    this.rt.call('Properties.deleteProperty');
    this.store.delete(String(key));
    return this.self();
  }

  deleteAllProperties(): RealProperties {
    this.rt.call('Properties.deleteAllProperties');
    this.store.clear();
    return this.self();
  }

  /** Checks every limit before changing anything, so a refused write leaves the store as it was. */
  private write(entries: Array<[string, string]>, replaceAll: boolean): void {
    for (const [, v] of entries) {
      if (utf8Length(v) > PROPERTY_LIMITS.valueBytes) throw this.rt.scriptError(VALUE_TOO_LARGE);
    }
    const next = new Map(replaceAll ? [] : this.store);
    for (const [k, v] of entries) next.set(k, v);
    if (storeBytes(next) > PROPERTY_LIMITS.storeBytes) throw this.rt.scriptError(STORE_FULL);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }

  private self(): RealProperties {
    // Called through the strict proxy, `this` is the proxy.
    return this;
  }
}

class PropertiesServiceFake implements FakeOf<RealPropertiesService> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly host: PropertiesHost,
  ) {}

  getScriptProperties(): RealProperties {
    this.rt.call('PropertiesService.getScriptProperties');
    return this.wrap(this.host.script);
  }

  getDocumentProperties(): RealProperties {
    this.rt.call('PropertiesService.getDocumentProperties');
    // The script is bound to the spreadsheet, so the document store exists.
    return this.wrap(this.host.document);
  }

  getUserProperties(): RealProperties {
    this.rt.call('PropertiesService.getUserProperties');
    // User properties belong to the user the script runs as (the trigger owner for installable triggers).
    return this.wrap(this.host.userStore(this.rt.current?.user ?? this.rt.owner));
  }

  private wrap(store: Map<string, string>): RealProperties {
    return strict(new PropertiesFake(this.rt, store), 'Properties');
  }
}

export function createPropertiesService(
  rt: HostRuntime,
  host: PropertiesHost,
): RealPropertiesService {
  return strict(new PropertiesServiceFake(rt, host), 'PropertiesService');
}

export const propertiesChecks: [true, true] = [
  assertType<AssertNoExtraMethods<PropertiesFake, RealProperties>>(),
  assertType<AssertNoExtraMethods<PropertiesServiceFake, RealPropertiesService>>(),
];
