/**
 * Which sheet of the workbook is which product sheet. A sheet id stored by the previous set-up
 * wins over the name, so a sheet the user renamed is found (and its name restored) and a deleted
 * one is noticed; without a stored id, a sheet with the product's name is adopted only when its
 * headers say it is one. Nothing is ever duplicated: a name conflict is reported, not worked
 * around with a second sheet under another name (every other action finds sheets by name).
 */
import type { SetupSheetKey, SheetSnapshot } from './types';

export type Resolution =
  /** The product sheet, under its own name. */
  | { readonly kind: 'ok'; readonly sheet: SheetSnapshot }
  /** Found by id under another name: restore the name. */
  | { readonly kind: 'renamed'; readonly sheet: SheetSnapshot; readonly from: string }
  /** A sheet with the product's name but not (or no longer) known by id, whose headers fit. */
  | { readonly kind: 'adopt'; readonly sheet: SheetSnapshot; readonly afterDelete: boolean }
  /** No such sheet: create it (`deleted` when a previous set-up had made it). */
  | { readonly kind: 'create'; readonly deleted: boolean }
  /** Set-up cannot use the sheet; the reason is a Vietnamese sentence. Nothing is touched. */
  | { readonly kind: 'conflict'; readonly reason: string };

export interface ResolveInput {
  readonly key: SetupSheetKey;
  readonly name: string;
  readonly sheets: readonly SheetSnapshot[];
  readonly storedId: number | undefined;
  /** Whether a sheet that has the product's name looks like the product's sheet. */
  readonly fits: (sheet: SheetSnapshot) => boolean;
  /** Ids already claimed by other product sheets. */
  readonly claimed: ReadonlySet<number>;
}

/**
 * Sheets refuses two sheets whose names differ only by letter case ("A sheet with the name … already
 * exists"), so a sheet is "in the way" of the product's name in any case.
 */
const sameSheetName = (a: string, b: string): boolean =>
  a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');

export function resolveSheet(input: ResolveInput): Resolution {
  const { name, sheets, storedId, fits } = input;
  const byId = storedId === undefined ? undefined : sheets.find((s) => s.id === storedId);
  const byName = sheets.find(
    (s) => sameSheetName(s.name, name) && !input.claimed.has(s.id) && s.id !== byId?.id,
  );
  if (byId !== undefined) {
    if (byId.name === name) return { kind: 'ok', sheet: byId };
    if (byName !== undefined) {
      return {
        kind: 'conflict',
        reason:
          `Trang "${byId.name}" là trang "${name}" đã bị đổi tên, nhưng đã có một trang khác tên ` +
          `"${name}". Không đổi lại tên được và trang này chưa được cập nhật: hãy đổi tên hoặc ` +
          `xoá trang "${name}" kia rồi chạy lại.`,
      };
    }
    return { kind: 'renamed', sheet: byId, from: byId.name };
  }
  const deleted = storedId !== undefined;
  if (byName === undefined) return { kind: 'create', deleted };
  // The product's sheet typed in another letter case: its name is restored.
  if (byName.name !== name && fits(byName))
    return { kind: 'renamed', sheet: byName, from: byName.name };
  if (fits(byName)) return { kind: 'adopt', sheet: byName, afterDelete: deleted };
  return {
    kind: 'conflict',
    reason:
      `Đã có trang "${name}" nhưng tiêu đề các cột không giống trang của chương trình, nên ` +
      `trang này được giữ nguyên và chưa được thiết lập. Hãy đổi tên trang đó (ví dụ ` +
      `"${name} (cũ)") rồi chạy lại để tạo trang mới.`,
  };
}
