/**
 * LockService: mutual exclusion between executions, modelled deterministically.
 *
 * Reference: https://developers.google.com/apps-script/reference/lock/lock — tryLock returns false
 * when the lock cannot be had within the timeout; waitLock throws; "the lock is automatically
 * released when the script terminates"; hasLock is false after a timeout or releaseLock().
 * waitLock's error text, as Apps Script prints it: "Lock timeout: another process was holding the lock
 * for too long." (quoted verbatim in many public projects' logs and fakes).
 *
 * The host runs executions one at a time, so contention is modelled on the virtual clock:
 * - a lock is owned by an execution id and released when that execution ends;
 * - `LockHost.holdPhantom(scope, untilMs)` makes an outside owner hold a lock until a virtual time;
 * - an execution started from inside another (LocalHost.onCall) that asks for a lock the outer one
 *   holds waits its whole timeout on the virtual clock and fails, because the outer cannot move on.
 * - Dialogs release locks (DESIGN §4): while Ui.alert / Ui.prompt waits for the user the script is
 *   suspended and its locks do not persist (https://developers.google.com/apps-script/reference/lock/lock
 *   guards against concurrent runs only while the script runs); LocalHost calls `releaseAll` when a
 *   dialog opens, so `hasLock()` is false after it and another execution may take the lock meanwhile.
 * ASSUMPTIONS: a lock already held by the same execution is granted again (re-entrant per execution);
 * the timeout is capped at the execution's remaining time by the kill rule of the runtime.
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { signatureError } from './common';

type RealLock = GoogleAppsScript.Lock.Lock;
type RealLockService = GoogleAppsScript.Lock.LockService;

export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

/** 'script', 'document' or 'user:<email>'. */
export type LockScope = string;

type Owner = { kind: 'execution'; id: number } | { kind: 'phantom'; untilMs: number };

export class LockHost {
  private readonly owners = new Map<LockScope, Owner>();
  /** Lock waits, for the run log: who waited how long on what, and whether they got it. */
  readonly waits: Array<{
    scope: LockScope;
    executionId?: number;
    waitedMs: number;
    acquired: boolean;
  }> = [];

  constructor(private readonly rt: HostRuntime) {}

  /** An owner outside the host (another user's execution) holds `scope` until the virtual time `untilMs`. */
  holdPhantom(scope: LockScope, untilMs: number): void {
    this.owners.set(scope, { kind: 'phantom', untilMs });
  }

  ownerOf(scope: LockScope): Owner | undefined {
    const owner = this.owners.get(scope);
    if (owner?.kind === 'phantom' && owner.untilMs <= this.rt.nowMs) {
      this.owners.delete(scope);
      return undefined;
    }
    return owner;
  }

  /** Called by the host when an execution ends: Apps Script releases its locks. */
  releaseAll(executionId: number): void {
    for (const [scope, owner] of [...this.owners]) {
      if (owner.kind === 'execution' && owner.id === executionId) this.owners.delete(scope);
    }
  }

  /** @internal Acquires for the current execution, waiting on the virtual clock. */
  acquire(scope: LockScope, timeoutMs: number): boolean {
    const me = this.rt.current?.id ?? 0;
    const owner = this.ownerOf(scope);
    if (!owner || (owner.kind === 'execution' && owner.id === me)) {
      this.owners.set(scope, { kind: 'execution', id: me });
      this.waits.push({ scope, executionId: me, waitedMs: 0, acquired: true });
      return true;
    }
    if (owner.kind === 'phantom' && owner.untilMs - this.rt.nowMs <= timeoutMs) {
      const wait = owner.untilMs - this.rt.nowMs;
      this.waits.push({ scope, executionId: me, waitedMs: wait, acquired: true });
      this.rt.advance(wait);
      this.owners.set(scope, { kind: 'execution', id: me });
      return true;
    }
    this.waits.push({ scope, executionId: me, waitedMs: timeoutMs, acquired: false });
    this.rt.advance(timeoutMs);
    return false;
  }

  /** @internal */
  release(scope: LockScope): void {
    const owner = this.owners.get(scope);
    if (owner?.kind === 'execution' && owner.id === (this.rt.current?.id ?? 0)) {
      this.owners.delete(scope);
    }
  }

  /** @internal */
  heldByCurrent(scope: LockScope): boolean {
    const owner = this.ownerOf(scope);
    return owner?.kind === 'execution' && owner.id === (this.rt.current?.id ?? 0);
  }
}

class LockFake implements FakeOf<RealLock> {
  private acquired = false;

  constructor(
    private readonly rt: HostRuntime,
    private readonly host: LockHost,
    private readonly scope: LockScope,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.rt.call('Lock.tryLock');
    this.acquired = this.host.acquire(this.scope, this.timeout('Lock.tryLock', timeoutInMillis));
    return this.acquired;
  }

  waitLock(timeoutInMillis: number): void {
    this.rt.call('Lock.waitLock');
    this.acquired = this.host.acquire(this.scope, this.timeout('Lock.waitLock', timeoutInMillis));
    if (!this.acquired) throw this.rt.scriptError(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    this.rt.call('Lock.releaseLock');
    if (this.acquired) this.host.release(this.scope);
    this.acquired = false;
  }

  hasLock(): boolean {
    this.rt.call('Lock.hasLock');
    return this.acquired && this.host.heldByCurrent(this.scope);
  }

  private timeout(method: string, ms: unknown): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms)) throw signatureError(this.rt, method, [ms]);
    return Math.max(0, Math.floor(ms));
  }
}

class LockServiceFake implements FakeOf<RealLockService> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly host: LockHost,
  ) {}

  getScriptLock(): RealLock {
    this.rt.call('LockService.getScriptLock');
    return this.wrap('script');
  }

  getDocumentLock(): RealLock {
    this.rt.call('LockService.getDocumentLock');
    return this.wrap('document');
  }

  getUserLock(): RealLock {
    this.rt.call('LockService.getUserLock');
    return this.wrap(`user:${this.rt.effectiveUser()}`);
  }

  private wrap(scope: LockScope): RealLock {
    return strict(new LockFake(this.rt, this.host, scope), 'Lock');
  }
}

export function createLockService(rt: HostRuntime, host: LockHost): RealLockService {
  return strict(new LockServiceFake(rt, host), 'LockService');
}

export const lockChecks: [true, true] = [
  assertType<AssertNoExtraMethods<LockFake, RealLock>>(),
  assertType<AssertNoExtraMethods<LockServiceFake, RealLockService>>(),
];
