import * as z from 'zod/mini';
import { CalendarDateSchema } from './calendarDate';
import { nameKey } from '../text/normalize';

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

/**
 * What an award is under the law: an emulation title (danh hiệu thi đua: Cờ thi đua, Chiến sĩ
 * thi đua …, Lao động tiên tiến, Tập thể lao động xuất sắc …) or a form of commendation (hình thức
 * khen thưởng: Huân chương, Huy chương, Kỷ niệm chương, Bằng khen, Giấy khen …). Statistics count
 * them apart.
 */
export const AwardKindSchema = z.enum(['title', 'form']);
export type AwardKind = z.infer<typeof AwardKindSchema>;

export const AWARD_KIND_LABELS: Record<AwardKind, string> = {
  title: 'Danh hiệu thi đua',
  form: 'Hình thức khen thưởng',
};

/** Who may receive an award: collectives only, individuals only, or both. */
export type AwardRecipients = RecipientType | 'both';

export interface AwardFormSpec {
  readonly name: string;
  readonly kind: AwardKind;
  readonly recipients: AwardRecipients;
  /**
   * Offered in the sheets' dropdowns. A family that needs its last words (Huân chương Lao động
   * hạng Ba) is not offered alone; it still classifies every name that begins with it.
   */
  readonly listed: boolean;
  /** Other spellings offices type ("Chiến sỹ" for "Chiến sĩ"). */
  readonly aliases?: readonly string[];
}

const title = (
  name: string,
  recipients: RecipientType,
  listed = true,
  aliases?: readonly string[],
): AwardFormSpec => ({ name, kind: 'title', recipients, listed, ...(aliases ? { aliases } : {}) });
const form = (name: string, recipients: AwardRecipients, listed = true): AwardFormSpec => ({
  name,
  kind: 'form',
  recipients,
  listed,
});

/**
 * The titles and forms the product knows: the one list the dropdowns, the register's check and
 * the statistics read; users may type others. Titles follow Luật Thi đua, khen thưởng
 * 06/2022/QH15, Điều 19 (individuals) and Điều 20 (collectives), with the same names as Luật Thi
 * đua, khen thưởng 2003 (Điều 20 for individuals), in force for the sample year 2022; forms follow
 * Điều 9 of the 2022 law (Huân chương, Huy chương, Kỷ niệm chương, Bằng khen, Giấy khen).
 * "Cờ thi đua" is the flag of a ministry, province or city (Cờ thi đua của Ủy ban nhân dân thành
 * phố), "Cờ thi đua của Chính phủ" the Government's.
 */
export const AWARD_FORMS: readonly AwardFormSpec[] = [
  title('Cờ thi đua của Chính phủ', 'collective'),
  title('Cờ thi đua', 'collective'),
  title('Tập thể lao động xuất sắc', 'collective'),
  title('Tập thể lao động tiên tiến', 'collective'),
  title('Đơn vị quyết thắng', 'collective'),
  title('Đơn vị tiên tiến', 'collective'),
  title('Chiến sĩ thi đua toàn quốc', 'individual', true, ['Chiến sỹ thi đua toàn quốc']),
  title('Chiến sĩ thi đua cơ sở', 'individual', true, ['Chiến sỹ thi đua cơ sở']),
  // Chiến sĩ thi đua bộ, ban, ngành, tỉnh (of a city: "Chiến sĩ thi đua thành phố") and any other
  // name beginning so. Not offered: a dropdown item cannot hold commas in .xlsx.
  title('Chiến sĩ thi đua', 'individual', false, ['Chiến sỹ thi đua']),
  title('Lao động tiên tiến', 'individual'),
  title('Chiến sĩ tiên tiến', 'individual', true, ['Chiến sỹ tiên tiến']),
  form('Bằng khen', 'both'),
  form('Giấy khen', 'both'),
  form('Huân chương', 'both', false),
  form('Huy chương', 'individual', false),
  form('Kỷ niệm chương', 'individual', false),
];

/** The Khen thưởng register's dropdown: every listed title and form. */
export const REGISTER_FORM_CHOICES: readonly string[] = AWARD_FORMS.filter((f) => f.listed).map(
  (f) => f.name,
);

/** Đơn vị's "Danh hiệu đăng ký": a unit registers for a collective emulation title. */
export const COLLECTIVE_TITLE_CHOICES: readonly string[] = AWARD_FORMS.filter(
  (f) => f.listed && f.kind === 'title' && f.recipients === 'collective',
).map((f) => f.name);

const formKey = (text: string): string => nameKey(text, { ignoreDiacritics: true });

const KNOWN: readonly { readonly key: string; readonly spec: AwardFormSpec }[] =
  AWARD_FORMS.flatMap((spec) =>
    [spec.name, ...(spec.aliases ?? [])].map((n) => ({ key: formKey(n), spec })),
  ).sort((a, b) => b.key.length - a.key.length);

/**
 * The known title or form a typed name is, compared without case or diacritics: the name itself,
 * or the longest known name it begins with, word for word ("Bằng khen của Thủ tướng Chính phủ"
 * is a Bằng khen, "Huân chương Lao động hạng Ba" a Huân chương, "Cờ thi đua của Ủy ban nhân dân
 * thành phố" a Cờ thi đua). Undefined for a name it does not know.
 */
export function awardFormSpec(name: string): AwardFormSpec | undefined {
  const key = formKey(name);
  if (key === '') return undefined;
  return KNOWN.find((k) => key === k.key || key.startsWith(`${k.key} `))?.spec;
}

/**
 * Title or form. A name the list does not know counts as a form of commendation: the law's
 * emulation titles are a closed list (Điều 19–20), its forms an open one (Huân chương of every
 * class, each body's own Bằng khen and Kỷ niệm chương).
 */
export function awardKindOf(name: string): AwardKind {
  return awardFormSpec(name)?.kind ?? 'form';
}

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
