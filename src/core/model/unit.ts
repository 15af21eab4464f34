import * as z from 'zod/mini';

/** A unit's role in the cluster for one year (cụm trưởng, cụm phó, thành viên). */
export const UnitRoleSchema = z.enum(['head', 'deputy', 'member']);
export type UnitRole = z.infer<typeof UnitRoleSchema>;

export const UNIT_ROLE_LABELS: Record<UnitRole, string> = {
  head: 'Cụm trưởng',
  deputy: 'Cụm phó',
  member: 'Thành viên',
};

/** A unit (đơn vị) of the cluster. Administrative level is never hard-coded: `type` is free text. */
export const UnitSchema = z.object({
  code: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** e.g. "Quận", "Xã", "Sở": a label only. */
  type: z._default(z.string(), ''),
  role: z._default(UnitRoleSchema, 'member'),
  headName: z._default(z.string(), ''),
  headTitle: z._default(z.string(), ''),
  email: z._default(z.string(), ''),
  /** The emulation title the unit registers to strive for (danh hiệu đăng ký). */
  registeredTitle: z._default(z.string(), ''),
  /** The name documents print (e.g. "Ủy ban MTTQ Việt Nam quận Ba Đình"); blank: `name`. */
  fullName: z._default(z.string(), ''),
});
export type Unit = z.infer<typeof UnitSchema>;

/** The unit's name as documents and certificates print it: its full name, else its short name. */
export function unitDocumentName(unit: Pick<Unit, 'name' | 'fullName'>): string {
  return unit.fullName.trim() === '' ? unit.name : unit.fullName;
}

/**
 * The head's title with the unit's name, as a signature block or the minutes print it: the title
 * "Chủ tịch Ủy ban MTTQ Việt Nam quận" and the full name "Ủy ban MTTQ Việt Nam quận Ba Đình" give
 * "Chủ tịch Ủy ban MTTQ Việt Nam quận Ba Đình" — the words they share are said once.
 */
export function headTitleWithUnit(unit: Pick<Unit, 'headTitle' | 'name' | 'fullName'>): string {
  const title = unit.headTitle.trim();
  const name = unitDocumentName(unit).trim();
  if (title === '') return name;
  const titleWords = title.split(/\s+/u);
  const nameWords = name.split(/\s+/u);
  const same = (a: string, b: string): boolean =>
    a.localeCompare(b, 'vi', { sensitivity: 'accent' }) === 0;
  for (let k = Math.min(titleWords.length, nameWords.length); k > 0; k--) {
    const tail = titleWords.slice(titleWords.length - k);
    if (tail.every((w, i) => same(w, nameWords[i] ?? ''))) {
      return [...titleWords.slice(0, titleWords.length - k), ...nameWords].join(' ');
    }
  }
  return `${title} ${name}`;
}
