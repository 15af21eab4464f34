/**
 * The boundary between the script's realm (the vm context build/Code.js runs in) and the host's
 * (Node). Apps Script's services hand the script values of the script's own realm; the fakes are
 * Node objects. Without a boundary the script could reach Node from any fake: every Node function's
 * `constructor` is Node's Function, so `Utilities.sleep.constructor('return process')()` returns
 * the real `process`, and a `getValues()` array fails `instanceof Array`.
 *
 * So every value crossing into the script is converted or wrapped:
 * - primitives and the script's own Dates and Errors pass as they are;
 * - arrays are copied into the script's realm, their items converted in turn (a service result
 *   is always a fresh array in Apps Script too);
 * - Node Dates become script Dates of the same instant;
 * - any other object or function (the fakes, their methods, enums, event objects) is seen through
 *   a Proxy, so an enum member handed back is the host's own member again; the Proxy's
 *   `constructor` and prototype are the script's Object / Function, whose methods return converted
 *   values, and whose errors reach the script as the script's Errors.
 * Every value crossing back (arguments, `this`) is unwrapped, and the script's own arrays and plain
 * objects (an options object) are copied with their items unwrapped: the host sees its own objects.
 * One proxy per object, so `a === b` in the script means the same fake, as with real services.
 */
import type { Realm } from './runtime';

export interface ScriptRealm extends Realm {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Function: FunctionConstructor;
}

export interface Membrane {
  /** The value as the script may see it. */
  toScript(value: unknown): unknown;
  /** The host's own value behind what the script hands back. */
  toHost(value: unknown): unknown;
}

const isPlainObject = (v: object, realm: ScriptRealm): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === realm.Object.prototype || proto === null;
};

const isDate = (v: object): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function createMembrane(realm: ScriptRealm): Membrane {
  const proxies = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();

  const scriptError = (error: unknown): unknown => {
    if (error instanceof realm.Error || typeof error !== 'object' || error === null) return error;
    if (!(error instanceof Error)) return toScript(error);
    const converted = new realm.Error(error.message);
    converted.name = error.name;
    if (error.stack !== undefined) converted.stack = error.stack;
    return converted;
  };

  // Each proxy stands on an empty shadow, not on the fake itself: a Proxy must report a frozen
  // target's properties unchanged, and the script must never get the fake's own values.
  const realOf = new WeakMap<object, object>();
  const real = (shadow: object): object => realOf.get(shadow) ?? shadow;

  const handler: ProxyHandler<object> = {
    get(shadow, key) {
      const target = real(shadow);
      if (key === 'constructor')
        return typeof target === 'function' ? realm.Function : realm.Object;
      return toScript(Reflect.get(target, key, target));
    },
    set(shadow, key, value) {
      const target = real(shadow);
      return Reflect.set(target, key, toHost(value), target);
    },
    has(shadow, key) {
      return Reflect.has(real(shadow), key);
    },
    ownKeys(shadow) {
      return Reflect.ownKeys(real(shadow));
    },
    getPrototypeOf(shadow) {
      return typeof real(shadow) === 'function' ? realm.Function.prototype : realm.Object.prototype;
    },
    getOwnPropertyDescriptor(shadow, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(shadow), key);
      if (descriptor === undefined) return undefined;
      // Reported configurable: the shadow holds none of them (a Proxy invariant).
      const seen: PropertyDescriptor = { ...descriptor, configurable: true };
      if ('value' in descriptor) seen.value = toScript(descriptor.value);
      if (descriptor.get !== undefined) seen.get = toScript(descriptor.get) as () => unknown;
      if (descriptor.set !== undefined) seen.set = toScript(descriptor.set) as (v: unknown) => void;
      return seen;
    },
    apply(shadow, thisArg, args: unknown[]) {
      try {
        return toScript(
          Reflect.apply(
            real(shadow) as (...a: unknown[]) => unknown,
            toHost(thisArg),
            args.map(toHost),
          ),
        );
      } catch (error) {
        throw scriptError(error);
      }
    },
  };

  function toScript(value: unknown): unknown {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
    if (targets.has(value)) return value;
    if (value instanceof realm.Date || value instanceof realm.Error) return value;
    if (Array.isArray(value)) {
      const out = new realm.Array<unknown>();
      for (const item of value as unknown[]) out.push(toScript(item));
      return out;
    }
    if (isDate(value)) return new realm.Date(value.getTime());
    let proxy = proxies.get(value);
    if (proxy === undefined) {
      const shadow: object = typeof value === 'function' ? () => undefined : {};
      realOf.set(shadow, value);
      proxy = new Proxy(shadow, handler);
      proxies.set(value, proxy);
      targets.set(proxy, value);
    }
    return proxy;
  }

  function toHost(value: unknown): unknown {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
    const target = targets.get(value);
    if (target !== undefined) return target;
    if (Array.isArray(value)) return (value as unknown[]).map(toHost);
    if (typeof value === 'object' && !isDate(value) && isPlainObject(value, realm)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = toHost(v);
      return out;
    }
    return value;
  }

  return { toScript, toHost };
}
