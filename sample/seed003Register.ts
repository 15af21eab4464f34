/**
 * The award register of seed 003 (/work/shared/seeds/003_2239f39b92fba53e.txt): in 2022 the
 * Emulation Council of Thanh Xuân district (Hanoi) awarded or proposed 2,505 awards: state level
 * 6 collectives and 1 individual; ministry / city level 89 collectives and 68 individuals;
 * district level 685 collectives and 1,656 individuals.
 *
 * Only those totals come from the report (it does not split titles from forms: the 9 city flags
 * and 256 Chiến sĩ thi đua cơ sở, the register's emulation titles, are invented like the rest).
 * Everything else is generated, deterministically (a fixed-seed mulberry32), and invented:
 * people's names from small lists of Vietnamese family,
 * middle and given names; collectives from the district's wards, offices and schools; forms
 * consistent with each level and issued as certificates; decisions (one per level, form and
 * batch of at most 250 rows) with numbers and dates; signers' titles and invented names;
 * register numbers (số sổ vàng) unique across the register; an e-mail for some individuals; the
 * salutation from the person's gender; each level's issuing body and place (the President or the
 * Prime Minister in Hà Nội, the City's People's Committee, the district's in Thanh Xuân).
 *
 * Rows span AWARDS_LAYOUT's columns in order (the program's columns blank), ready to paste below
 * the header that set-up writes; dates are typed as dd/mm/yyyy.
 */
import { AWARD_LEVEL_LABELS, RECIPIENT_TYPE_LABELS } from '../src/core/model/award';
import type { AwardLevel, RecipientType } from '../src/core/model/award';
import { AWARDS_LAYOUT, type AwardColumnKey } from '../src/core/layout/tables';

export const SEED003_YEAR = 2022;
export const SEED003_DISTRICT = 'quận Thanh Xuân';

/** The breakdown the report gives. */
export const SEED003_BREAKDOWN: Readonly<
  Record<AwardLevel, Readonly<Record<RecipientType, number>>>
> = {
  state: { collective: 6, individual: 1 },
  ministryProvince: { collective: 89, individual: 68 },
  base: { collective: 685, individual: 1656 },
};
export const SEED003_TOTAL = 2505;

interface FormPlan {
  readonly level: AwardLevel;
  readonly type: RecipientType;
  readonly form: string;
  readonly count: number;
  readonly signerTitle: string;
  /** Cơ quan tặng and địa danh printed on the certificate (issue 11). */
  readonly issuer: Issuer;
  /** Decision number suffix, e.g. "QĐ-TTg". */
  readonly symbol: string;
  readonly achievement: string;
}

const ACHIEVEMENT = {
  state:
    'Đã có thành tích xuất sắc trong công tác từ năm 2018 đến năm 2022, góp phần vào sự nghiệp ' +
    'xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc.',
  city: 'Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2022 của Thành phố Hà Nội.',
  flag: 'Đơn vị dẫn đầu phong trào thi đua năm 2022 của Thành phố Hà Nội.',
  district: 'Đã hoàn thành xuất sắc nhiệm vụ năm 2022.',
  soldier: 'Đạt danh hiệu Chiến sĩ thi đua cơ sở năm 2022.',
} as const;

type Issuer = { readonly body: string; readonly place: string };
/** Orders and medals are the President's; the Prime Minister's Bằng khen his own. */
const BY_PRESIDENT: Issuer = {
  body: 'CHỦ TỊCH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  place: 'Hà Nội',
};
const BY_PM: Issuer = { body: 'THỦ TƯỚNG CHÍNH PHỦ', place: 'Hà Nội' };
const BY_CITY: Issuer = { body: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', place: 'Hà Nội' };
/** Decree 30/2020: a district body's place is the district's own name. */
const BY_DISTRICT: Issuer = { body: 'ỦY BAN NHÂN DÂN QUẬN THANH XUÂN', place: 'Thanh Xuân' };

const PM = 'THỦ TƯỚNG CHÍNH PHỦ';
const PRESIDENT = 'CHỦ TỊCH NƯỚC';
const CITY = 'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI';
const DISTRICT = 'CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN THANH XUÂN';

/** How each level's awards split into forms; the counts add up to SEED003_BREAKDOWN. */
export const SEED003_FORMS: readonly FormPlan[] = [
  {
    level: 'state',
    type: 'collective',
    form: 'Huân chương Lao động hạng Ba',
    count: 2,
    signerTitle: PRESIDENT,
    issuer: BY_PRESIDENT,
    symbol: 'QĐ-CTN',
    achievement: ACHIEVEMENT.state,
  },
  {
    level: 'state',
    type: 'collective',
    form: 'Bằng khen của Thủ tướng Chính phủ',
    count: 4,
    signerTitle: PM,
    issuer: BY_PM,
    symbol: 'QĐ-TTg',
    achievement: ACHIEVEMENT.state,
  },
  {
    level: 'state',
    type: 'individual',
    form: 'Bằng khen của Thủ tướng Chính phủ',
    count: 1,
    signerTitle: PM,
    issuer: BY_PM,
    symbol: 'QĐ-TTg',
    achievement: ACHIEVEMENT.state,
  },
  {
    level: 'ministryProvince',
    type: 'collective',
    form: 'Cờ thi đua',
    count: 9,
    signerTitle: CITY,
    issuer: BY_CITY,
    symbol: 'QĐ-UBND',
    achievement: ACHIEVEMENT.flag,
  },
  {
    level: 'ministryProvince',
    type: 'collective',
    form: 'Bằng khen',
    count: 80,
    signerTitle: CITY,
    issuer: BY_CITY,
    symbol: 'QĐ-UBND',
    achievement: ACHIEVEMENT.city,
  },
  {
    level: 'ministryProvince',
    type: 'individual',
    form: 'Bằng khen',
    count: 68,
    signerTitle: CITY,
    issuer: BY_CITY,
    symbol: 'QĐ-UBND',
    achievement: ACHIEVEMENT.city,
  },
  {
    level: 'base',
    type: 'collective',
    form: 'Giấy khen',
    count: 685,
    signerTitle: DISTRICT,
    issuer: BY_DISTRICT,
    symbol: 'QĐ-UBND',
    achievement: ACHIEVEMENT.district,
  },
  {
    level: 'base',
    type: 'individual',
    form: 'Giấy khen',
    count: 1400,
    signerTitle: DISTRICT,
    issuer: BY_DISTRICT,
    symbol: 'QĐ-UBND',
    achievement: ACHIEVEMENT.district,
  },
  {
    level: 'base',
    type: 'individual',
    form: 'Chiến sĩ thi đua cơ sở',
    count: 256,
    signerTitle: DISTRICT,
    issuer: BY_DISTRICT,
    symbol: 'QĐ-UBND',
    achievement: ACHIEVEMENT.soldier,
  },
];

/** Rows a decision lists at most; larger groups get several decisions. */
const DECISION_BATCH = 250;

const WARDS = [
  'Hạ Đình',
  'Khương Đình',
  'Khương Mai',
  'Khương Trung',
  'Kim Giang',
  'Nhân Chính',
  'Phương Liệt',
  'Thanh Xuân Bắc',
  'Thanh Xuân Nam',
  'Thanh Xuân Trung',
  'Thượng Đình',
];
const OFFICES = [
  'Phòng Tài chính - Kế hoạch',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Nội vụ',
  'Phòng Văn hóa và Thông tin',
  'Phòng Tư pháp',
  'Phòng Y tế',
  'Phòng Quản lý đô thị',
  'Phòng Kinh tế',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Lao động - Thương binh và Xã hội',
  'Văn phòng HĐND và UBND quận',
  'Thanh tra quận',
  'Trung tâm Y tế quận',
  'Ban Quản lý dự án đầu tư xây dựng quận',
];
const SCHOOL_KINDS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS'];
const WARD_TEAMS = [
  'Bộ phận Tiếp nhận và Trả kết quả',
  'Ban Chỉ huy Quân sự',
  'Công an phường',
  'Hội Liên hiệp Phụ nữ phường',
  'Đoàn Thanh niên phường',
  'Hội Cựu chiến binh phường',
  'Trạm Y tế phường',
];
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Phan',
  'Đinh',
];
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Tiến', 'Xuân'];
const FEMALE_MIDDLE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Minh', 'Phương', 'Thị Thu'];
const MALE_GIVEN = ['Hùng', 'Dũng', 'Tuấn', 'Nam', 'Sơn', 'Long', 'Hải', 'Bình', 'Cường', 'Khánh'];
const FEMALE_GIVEN = ['Lan', 'Hương', 'Hà', 'Mai', 'Hoa', 'Linh', 'Trang', 'Thảo', 'Yến', 'Nga'];
const POSITIONS = [
  'Giáo viên',
  'Chuyên viên',
  'Trưởng phòng',
  'Phó Trưởng phòng',
  'Kế toán',
  'Nhân viên',
  'Bác sĩ',
  'Tổ trưởng tổ dân phố',
  'Phó Chủ tịch UBND phường',
  'Hiệu trưởng',
];

/** mulberry32: small, fast, and the same sequence on every platform. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function personName(next: () => number): { name: string; female: boolean } {
  const female = next() < 0.6;
  const name = [
    pick(next, FAMILY),
    pick(next, female ? FEMALE_MIDDLE : MALE_MIDDLE),
    pick(next, female ? FEMALE_GIVEN : MALE_GIVEN),
  ].join(' ');
  return { name: name.normalize('NFC'), female };
}

const ASCII: Readonly<Record<string, string>> = { đ: 'd', Đ: 'D' };

function asciiWord(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => ASCII[c] ?? c)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Where an individual works, and the unit a collective belongs to. */
function workplace(next: () => number): string {
  const r = next();
  if (r < 0.35) return `UBND phường ${pick(next, WARDS)}`;
  if (r < 0.7) return `${pick(next, SCHOOL_KINDS)} ${pick(next, WARDS)}`;
  return pick(next, OFFICES);
}

function collective(next: () => number, n: number): { name: string; unit: string } {
  const ward = WARDS[n % WARDS.length] as string;
  const r = next();
  if (r < 0.3) {
    return {
      name: `${SCHOOL_KINDS[n % SCHOOL_KINDS.length] as string} ${ward}`,
      unit: 'Phòng Giáo dục và Đào tạo',
    };
  }
  if (r < 0.55) return { name: `${pick(next, WARD_TEAMS)} ${ward}`, unit: `UBND phường ${ward}` };
  if (r < 0.8) {
    return {
      name: `Tổ dân phố số ${String(1 + Math.floor(next() * 40))} phường ${ward}`,
      unit: `UBND phường ${ward}`,
    };
  }
  return { name: pick(next, OFFICES), unit: `UBND ${SEED003_DISTRICT}` };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Decisions of one form: numbers and dates between December 2022 and March 2023. */
function decisionOf(plan: FormPlan, batch: number, next: () => number): [string, string] {
  const number = 100 + Math.floor(next() * 5000) + batch;
  const month = [12, 1, 2, 3][Math.floor(next() * 4)] as number;
  const year = month === 12 ? 2022 : 2023;
  const day = 1 + Math.floor(next() * 28);
  return [`${String(number)}/${plan.symbol}`, `${pad2(day)}/${pad2(month)}/${String(year)}`];
}

/** Every row spans the whole layout; the program's columns (Trạng thái … Mã hồ sơ) are blank. */
export const SEED003_COLUMNS = AWARDS_LAYOUT.columns.length;

/**
 * The whole register, 2,505 rows of 14 user columns in AWARDS_LAYOUT order: recipient type,
 * name, position, unit, form, level, achievement, decision number, decision date, signer's
 * title, signer's name, register number, year, e-mail.
 */
export function seed003Register(): (string | number)[][] {
  const next = random(0x5eed003);
  const rows: (string | number)[][] = [];
  const signers = new Map<string, string>();
  let register = 0;
  for (const plan of SEED003_FORMS) {
    // One (invented) signer per title, the same on every decision of that authority.
    const signer = signers.get(plan.signerTitle) ?? personName(next).name;
    signers.set(plan.signerTitle, signer);
    let decision: [string, string] = ['', ''];
    for (let i = 0; i < plan.count; i++) {
      if (i % DECISION_BATCH === 0) decision = decisionOf(plan, i / DECISION_BATCH, next);
      register++;
      const registerNumber = `${String(SEED003_YEAR)}/${String(register).padStart(4, '0')}`;
      let name: string;
      let salutation = '';
      let position = '';
      let unit: string;
      let email = '';
      if (plan.type === 'individual') {
        const person = personName(next);
        name = person.name;
        salutation = person.female ? 'Bà' : 'Ông';
        position = pick(next, POSITIONS);
        unit = workplace(next);
        if (next() < 0.3) {
          const parts = name.split(' ');
          email = `${asciiWord(parts[parts.length - 1] ?? '')}.${asciiWord(parts[0] ?? '')}${String(register)}@thanhxuan.example.vn`;
        }
      } else {
        const c = collective(next, register);
        name = c.name;
        unit = c.unit;
      }
      const values: Partial<Record<AwardColumnKey, string | number>> = {
        recipientType: RECIPIENT_TYPE_LABELS[plan.type],
        name,
        position,
        unit,
        form: plan.form,
        level: AWARD_LEVEL_LABELS[plan.level],
        achievement: plan.achievement,
        decisionNumber: decision[0],
        decisionDate: decision[1],
        signerTitle: plan.signerTitle,
        signerName: signer,
        registerNumber,
        year: SEED003_YEAR,
        email,
        salutation,
        issuingBody: plan.issuer.body,
        place: plan.issuer.place,
      };
      rows.push(AWARDS_LAYOUT.columns.map((c) => values[c.key] ?? ''));
    }
  }
  return rows;
}
