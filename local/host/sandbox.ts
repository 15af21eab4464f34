/**
 * Runs build/Code.js as Apps Script loads it.
 *
 * Apps Script (V8 runtime, https://developers.google.com/apps-script/guides/v8-runtime) loads every
 * file of the project as classic scripts into one global scope and runs that global code afresh for
 * every execution; then it calls the entry point by name. There are no modules and no Node or browser
 * APIs: only ECMAScript built-ins and the Apps Script services.
 *
 * The sandbox therefore:
 * - parses the code once as an ES2020 classic script (acorn, so syntax newer than the project's target
 *   and `import`/`export` fail to load, as they would in Apps Script; DESIGN.md §4);
 * - creates a new `node:vm` context for each execution with only ECMAScript built-ins plus the fake
 *   services as globals, and runs the compiled script in it (global state does not survive between
 *   executions, as in Apps Script);
 * - replaces the context's Date so that `Date.now()` and `new Date()` read the host's virtual clock,
 *   and points `rt.realm` at the context's own Date, Error, Array, Object and Function;
 * - hands the services over through a membrane (membrane.ts): the script sees only values of its
 *   own realm and proxies of the fakes, so no Node object (and through its constructor, no Node
 *   global) is in reach, and `instanceof Array` holds for what the services return.
 *
 * It makes code that would fail in Apps Script fail here too; it is not hardened against code that
 * sets out to escape (vm is not a security boundary).
 */
import { parse } from 'acorn';
import vm from 'node:vm';
import type { HostRuntime } from './runtime';
import { createMembrane, type Membrane, type ScriptRealm } from './membrane';

/** Globals a V8 context has that are not ECMAScript (or not in Apps Script), removed from each context. */
const NON_ECMASCRIPT_GLOBALS = ['console', 'WebAssembly'];

export interface ScriptContext {
  /** The context's global object: top-level functions of the script are its properties. */
  global: Record<string, unknown>;
  realm: ScriptRealm;
  context: vm.Context;
  /** Everything the host hands the script goes through it (membrane.ts). */
  membrane: Membrane;
}

export interface SandboxOptions {
  filename?: string;
  /** ECMAScript version the code must parse as (default 2020, the project's target). */
  ecmaVersion?: 2020 | 2021 | 2022 | 2023 | 'latest';
  /** Real-time guard (ms) against a script spinning without service calls. Default 120 s. */
  realTimeoutMs?: number;
}

/** Installs the virtual-clock Date in a context; returns the context's original intrinsics. */
const PRELUDE = `(function (now) {
  'use strict';
  var NativeDate = globalThis.Date;
  var VirtualDate = function Date(year, month, day, hours, minutes, seconds, ms) {
    if (!new.target) return new NativeDate(now()).toString();
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(NativeDate, args, new.target);
  };
  VirtualDate.prototype = NativeDate.prototype;
  Object.defineProperty(NativeDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
  Object.defineProperty(VirtualDate, 'now', { value: function now_() { return now(); }, writable: true, configurable: true });
  Object.defineProperty(VirtualDate, 'parse', { value: NativeDate.parse, writable: true, configurable: true });
  Object.defineProperty(VirtualDate, 'UTC', { value: NativeDate.UTC, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: VirtualDate, writable: true, configurable: true, enumerable: false });
  return { Date: VirtualDate, Error: Error, Array: Array, Object: Object, Function: Function };
})`;

/** The last bundle parsed and compiled (one entry: tests load one bundle many times). */
let lastCompiled:
  | {
      code: string;
      filename: string;
      ecmaVersion: SandboxOptions['ecmaVersion'];
      names: ReadonlySet<string>;
      script: vm.Script;
    }
  | undefined;

export class Sandbox {
  readonly script: vm.Script;
  /** Names of the top-level function declarations (the entry points Apps Script can call). */
  readonly topLevelFunctions: ReadonlySet<string>;
  private readonly prelude = new vm.Script(PRELUDE, { filename: 'thidua-host-prelude.js' });
  private readonly realTimeoutMs: number;

  constructor(
    readonly code: string,
    options: SandboxOptions = {},
  ) {
    const filename = options.filename ?? 'Code.js';
    this.realTimeoutMs = options.realTimeoutMs ?? 120000;
    const ecmaVersion = options.ecmaVersion ?? 2020;
    // Parsing and compiling the bundle takes about a second; a run of many hosts over one bundle
    // (the fuzz campaign, the role matrix) reuses the last one. A vm.Script runs in any context.
    const cached = lastCompiled;
    if (
      cached !== undefined &&
      cached.code === code &&
      cached.filename === filename &&
      cached.ecmaVersion === ecmaVersion
    ) {
      this.topLevelFunctions = cached.names;
      this.script = cached.script;
      return;
    }
    let program: ReturnType<typeof parse>;
    try {
      program = parse(code, {
        ecmaVersion,
        sourceType: 'script',
        allowHashBang: false,
      });
    } catch (e) {
      // eslint-disable-next-line preserve-caught-error -- the message carries the cause; lib ES2020 has no ErrorOptions
      throw new SyntaxError(
        `${filename} does not load as an Apps Script file: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    const names = new Set<string>();
    for (const node of program.body) {
      if (node.type === 'FunctionDeclaration' && node.id) names.add(node.id.name);
    }
    this.topLevelFunctions = names;
    this.script = new vm.Script(code, { filename });
    lastCompiled = { code, filename, ecmaVersion, names, script: this.script };
  }

  /**
   * A fresh global scope with the given services, the virtual-clock Date, and `rt.realm` pointing at
   * it. Runs the script's global code in it (which may call services, as in Apps Script).
   */
  load(rt: HostRuntime, globals: Record<string, unknown>): ScriptContext {
    const context = vm.createContext({}, { name: 'thidua-apps-script' });
    const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
    for (const name of NON_ECMASCRIPT_GLOBALS) delete global[name];
    const install = this.prelude.runInContext(context) as (now: () => number) => ScriptRealm;
    const realm = install(() => rt.nowMs);
    rt.realm = realm;
    const membrane = createMembrane(realm);
    for (const [name, value] of Object.entries(globals)) {
      Object.defineProperty(global, name, {
        value: membrane.toScript(value),
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    this.script.runInContext(context, { timeout: this.realTimeoutMs, displayErrors: false });
    return { global, realm, context, membrane };
  }

  /**
   * Calls a top-level function in a loaded context, under the real-time guard. Arguments are passed
   * through a context-local slot so the call itself is made by script code.
   */
  call(ctx: ScriptContext, functionName: string, args: unknown[]): unknown {
    const slot = '__thiduaHostCall';
    Object.defineProperty(ctx.global, slot, {
      value: { fn: functionName, args: ctx.membrane.toScript(args) },
      writable: true,
      configurable: true,
      enumerable: false,
    });
    try {
      return vm.runInContext(
        `(function (c) { return globalThis[c.fn].apply(globalThis, c.args); })(globalThis.${slot})`,
        ctx.context,
        { timeout: this.realTimeoutMs, displayErrors: false },
      );
    } finally {
      delete ctx.global[slot];
    }
  }
}
