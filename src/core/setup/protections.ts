/**
 * The protections set-up makes, as data: each one's description says what it guards and who may
 * edit it (so a later run by someone Google will not show the editors can still tell), carries a
 * fingerprint of what it says, and is compared with the product's existing ones so that only
 * those that changed are replaced. Protections without the prefix belong to users and are never
 * touched.
 */
import { rangeA1 } from '../a1';
import { emailKey } from '../text/normalize';
import { fingerprint } from './cellsOut';
import { describeEditors } from './protectionPlan';
import type {
  PlannedProtection,
  PlannedRange,
  SetupCurrent,
  SetupReport,
  SheetSnapshot,
} from './types';

/** Prefix of every protection set-up makes; protections without it belong to users. */
export const PROTECTION_PREFIX = 'thidua:';
/**
 * Ballot protections are made by "Tạo phiếu bình xét" for the ballots it writes, not by set-up:
 * set-up leaves them as they are.
 */
export const BALLOT_PROTECTION_PREFIX = `${PROTECTION_PREFIX} phiếu bình xét`;
/** Document property holding the product sheets' ids (JSON: key → sheet id). */

export function uniqueSorted(list: readonly string[]): string[] {
  return [...new Set(list.map(emailKey).filter((e) => e.includes('@')))].sort();
}

export function protection(
  type: 'sheet' | 'range',
  label: string,
  editors: readonly string[],
  area: PlannedRange | undefined,
  unprotected: readonly PlannedRange[] = [],
): PlannedProtection {
  const a1 = (r: PlannedRange): string =>
    r.numRows === 'toEnd'
      ? `${rangeA1(r.row, r.column, 1, r.numColumns)}:end`
      : rangeA1(r.row, r.column, r.numRows, r.numColumns);
  const print = fingerprint(
    JSON.stringify({
      type,
      area: area === undefined ? '' : a1(area),
      editors,
      unprotected: unprotected.map(a1),
    }),
  );
  return {
    type,
    // The editors are in the description: a later set-up run by someone Google does not let read
    // the protection's editors (getEditors is refused) can still say who it lets edit.
    description: `${PROTECTION_PREFIX} ${label} — sửa được: ${describeEditors(editors)} #${print}`,
    ...(area === undefined ? {} : { range: area }),
    editors,
    unprotected,
  };
}

/** A product protection's description without prefix, editors and fingerprint, for messages. */
export function protectionLabel(description: string): string {
  const body = description.startsWith(PROTECTION_PREFIX)
    ? description.slice(PROTECTION_PREFIX.length).trim()
    : description;
  return body.replace(/ #[0-9a-z]+$/, '').replace(/ — sửa được: .*$/, '');
}

/** The editors a product protection's description names ('' when it names none). */
export function protectionEditorsText(description: string): string {
  return / — sửa được: (.*) #[0-9a-z]+$/.exec(description)?.[1] ?? '';
}

/**
 * A protection made by someone other than the owner keeps its maker as an editor (Google never
 * takes the current user off). Its description says so, so the owner's next run sees it differs
 * from what the table wants and replaces it.
 */
export function withRunner(d: PlannedProtection, current: SetupCurrent): PlannedProtection {
  const runner = emailKey(current.runner ?? '');
  if (runner === '' || runner === emailKey(current.owner ?? '') || d.editors.includes(runner))
    return d;
  return {
    ...d,
    description: d.description.replace(
      / #([0-9a-z]+)$/,
      ` (và ${runner}, người chạy khởi tạo) #$1`,
    ),
  };
}

/** The description withRunner started from. */
function withoutRunner(description: string): string {
  return description.replace(/ \(và [^()]*, người chạy khởi tạo\)( #[0-9a-z]+)$/, '$1');
}

/** Compares desired protections with the product's existing ones on a sheet. */
export function reconcileProtections(
  sheet: SheetSnapshot | undefined,
  name: string,
  desired: readonly PlannedProtection[],
  report: SetupReport,
): { remove: number[]; add: PlannedProtection[] } {
  const existing = sheet?.protections ?? [];
  const remove: number[] = [];
  const kept = new Set<string>();
  existing.forEach((p, i) => {
    if (!p.description.startsWith(PROTECTION_PREFIX)) return;
    if (p.description.startsWith(BALLOT_PROTECTION_PREFIX)) return;
    // A protection the owner made as the table wants is better than one the runner would have to
    // make with themselves on it: keep it.
    const wanted = desired.some(
      (d) =>
        (d.description === p.description || withoutRunner(d.description) === p.description) &&
        d.type === p.type,
    );
    if (wanted && !kept.has(p.description)) kept.add(p.description);
    else remove.push(i);
  });
  const userSheetProtection = existing.some(
    (p) => p.type === 'sheet' && !p.description.startsWith(PROTECTION_PREFIX),
  );
  const add: PlannedProtection[] = [];
  for (const d of desired) {
    if (kept.has(d.description) || kept.has(withoutRunner(d.description))) continue;
    if (d.type === 'sheet' && userSheetProtection) {
      report.problems.push(
        `Trang "${name}" đã có một bảo vệ trang do người dùng đặt; chương trình không thay đổi ` +
          'bảo vệ đó và không thêm bảo vệ trang của mình.',
      );
      continue;
    }
    add.push(d);
  }
  return { remove, add };
}
