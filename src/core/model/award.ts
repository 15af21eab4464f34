import * as z from 'zod/mini';
import { CalendarDateSchema } from './calendarDate';

export const RecipientTypeSchema = z.enum(['collective', 'individual']);
export type RecipientType = z.infer<typeof RecipientTypeSchema>;

export const RECIPIENT_TYPE_LABELS: Record<RecipientType, string> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
};

/** Award level (cấp khen). Labels are what users pick in the sheet. */
export const AwardLevelSchema = z.enum(['state', 'ministryProvince', 'base']);
export type AwardLevel = z.infer<typeof AwardLevelSchema>;

export const AWARD_LEVEL_LABELS: Record<AwardLevel, string> = {
  state: 'Nhà nước',
  ministryProvince: 'Bộ, ngành, tỉnh / thành phố',
  base: 'Cơ sở',
};

/** Commendation forms and emulation titles the product knows by default; users may add others. */
export const DEFAULT_AWARD_FORMS = [
  'Cờ thi đua',
  'Bằng khen',
  'Giấy khen',
  'Tập thể lao động xuất sắc',
  'Tập thể lao động tiên tiến',
  'Lao động tiên tiến',
  'Chiến sĩ thi đua cơ sở',
] as const;

/** Salutations offered in the register's dropdown; others may be typed ("Đồng chí"). */
export const SALUTATIONS = ['Ông', 'Bà'] as const;

/** One row of the award register (sổ khen thưởng). */
export const AwardRecordSchema = z.object({
  recipientType: RecipientTypeSchema,
  name: z.string().check(z.minLength(1)),
  /** Danh xưng printed before an individual's name ("Ông", "Bà"); blank: none. */
  salutation: z._default(z.string(), ''),
  /** Title or position (chức vụ) of an individual. */
  position: z._default(z.string(), ''),
  unit: z._default(z.string(), ''),
  form: z.string().check(z.minLength(1)),
  level: AwardLevelSchema,
  achievement: z._default(z.string(), ''),
  decisionNumber: z._default(z.string(), ''),
  decisionDate: z.optional(CalendarDateSchema),
  /** Cơ quan tặng, as the row says ('' : inherited from Cấu hình, see certificates/issuer.ts). */
  issuingBody: z._default(z.string(), ''),
  /** Địa danh of the certificate's date line, as the row says ('' : inherited). */
  place: z._default(z.string(), ''),
  signerTitle: z._default(z.string(), ''),
  signerName: z._default(z.string(), ''),
  registerNumber: z._default(z.string(), ''),
  email: z._default(z.string(), ''),
  year: z.int(),
});
export type AwardRecord = z.infer<typeof AwardRecordSchema>;
