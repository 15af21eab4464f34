/**
 * Keeps the fakes honest against @types/google-apps-script.
 *
 * `FakeOf<Real>` is what a fake class implements: any subset of the real interface's methods,
 * each callable with the real (last-overload) parameters. `AssertNoExtraMethods` fails to compile
 * when a fake exposes a public method the real interface does not have, so the product cannot
 * come to depend on a method that does not exist in Apps Script.
 *
 * `strict(fake, name)` wraps a fake so that touching a member the host has not implemented
 * throws at once with a message naming it, instead of a vague "is not a function".
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => unknown;

export type MethodNames<T> = {
  [K in keyof T]-?: T[K] extends AnyFunction ? K : never;
}[keyof T];

export type FakeOf<Real> = {
  [K in MethodNames<Real>]?: Real[K] extends AnyFunction
    ? (...args: Parameters<Real[K]>) => unknown
    : never;
};

/** Resolves to `true` when Fake's public members all exist on Real; otherwise to the extras. */
export type ExtraMembers<Fake, Real> = Exclude<keyof Fake, keyof Real>;
export type AssertNoExtraMethods<Fake, Real> = [ExtraMembers<Fake, Real>] extends [never]
  ? true
  : { extraMembers: ExtraMembers<Fake, Real> };

/** Compile-time assertion helper: `const _check: true = assertType<AssertNoExtraMethods<A, B>>();` */

export function assertType<T>(): T {
  return true as T;
}

const PASS_THROUGH = new Set<PropertyKey>([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  '$$typeof',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
]);

export function strict<T extends object>(fake: T, className: string): T {
  return new Proxy(fake, {
    get(target, property, receiver) {
      if (property in target || typeof property === 'symbol' || PASS_THROUGH.has(property)) {
        return Reflect.get(target, property, receiver) as unknown;
      }
      throw new TypeError(
        `thidua local host: ${className}.${property} is not implemented by the host ` +
          '(add it to the fake, typed against @types/google-apps-script, with a conformance test)',
      );
    },
  });
}
