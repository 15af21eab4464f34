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
