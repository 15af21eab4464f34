/**
 * The roles table: who may do what, defined once. Set-up turns the sheet rules into Sheets
 * protections, every menu action checks the action rules before it starts, and the README and
 * HUONG_DAN.md print the same table (a test compares them with `rolesTableRows`).
 *
 * Identity comes only from where Google shows it: in a menu run the person who clicked has
 * authorised the script, so `Session.getActiveUser().getEmail()` is theirs; in a simple trigger it
 * is blank for everyone but the owner, so no rule here is ever enforced from an edit event's user.
 * Sheet rules are enforced by protections, which Google applies to the real person typing.
 */
import type { Unit } from './model/unit';
import { SHEET_NAMES, type SheetName } from './layout/sheets';
import { emailKey } from './text/normalize';

/** The people of DESIGN §8. An anonymous link editor is an `editor` who can never run a menu item. */
export type Role = 'owner' | 'head' | 'deputy' | 'member' | 'editor';

export const ROLES: readonly Role[] = ['owner', 'head', 'deputy', 'member', 'editor'];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Chủ sở hữu bảng tính',
  head: 'Cụm trưởng',
  deputy: 'Cụm phó',
  member: 'Đơn vị thành viên',
  editor: 'Người chỉnh sửa khác',
};

/** What Cấu hình grants deputies beyond a member's rights (DESIGN §8: default, verify with the head). */
export interface RoleGrants {
  /** Deputies type Thẩm định with the head (never their own unit's row). */
  readonly deputiesVerify: boolean;
}

export const DEFAULT_GRANTS: RoleGrants = { deputiesVerify: true };

// ------------------------------------------------------------------ menu actions

/** Every menu action, by the name the roles table knows it. */
export type ActionKey =
  | 'setup'
  | 'validate'
  | 'pledge'
  | 'rank'
  | 'prepareBallots'
  | 'tallyVotes'
  | 'fillAwards'
  | 'dossier'
  | 'certificates'
  | 'calibration'
  | 'statistics'
  | 'eligibility'
  | 'yearStatistics'
  | 'cancelJob'
  | 'toggleScoring'
  | 'enableAudit'
  | 'recordHistory'
  | 'importHistory'
  | 'newYear'
  | 'about';

/**
 * Who may run each action. Everything that writes a sheet the product owns is for the owner and
 * the head: those sheets are protected for them alone, so anyone else would fail half way.
 */
export const ACTION_ROLES: Readonly<Record<ActionKey, readonly Role[]>> = {
  setup: ['owner', 'head'],
  validate: ['owner', 'head'],
  pledge: ['owner', 'head'],
  rank: ['owner', 'head'],
  prepareBallots: ['owner', 'head'],
  tallyVotes: ['owner', 'head'],
  fillAwards: ['owner', 'head'],
  dossier: ['owner', 'head'],
  certificates: ['owner', 'head'],
  calibration: ['owner', 'head'],
  statistics: ['owner', 'head'],
  eligibility: ['owner', 'head'],
  yearStatistics: ['owner', 'head'],
  cancelJob: ['owner', 'head'],
  toggleScoring: ['owner', 'head'],
  enableAudit: ['owner', 'head'],
  recordHistory: ['owner', 'head'],
  importHistory: ['owner', 'head'],
  newYear: ['owner', 'head'],
  about: ['owner', 'head', 'deputy', 'member', 'editor'],
};

// ------------------------------------------------------------------ sheet areas

/**
 * Who may type into an area: `all` of the listed roles, or only the unit the row belongs to
 * (`own`), or the verifiers (head, and deputies when granted) except the unit verified.
 */
export type AreaEditors =
  | { readonly kind: 'roles'; readonly roles: readonly Role[] }
  | { readonly kind: 'ownUnit' }
  | { readonly kind: 'verifiers' };

export interface AreaRule {
  readonly sheet: SheetName;
  /** Vietnamese, for the guides: which part of the sheet. */
  readonly area: string;
  readonly editors: AreaEditors;
}

const OWNER_HEAD: AreaEditors = { kind: 'roles', roles: ['owner', 'head'] };

/** Every input area of the workbook and who types into it; everything not listed is read-only. */
export const AREA_RULES: readonly AreaRule[] = [
  { sheet: SHEET_NAMES.settings, area: 'cả trang', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.units, area: 'cả trang', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.criteria, area: 'cả trang', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.selfScores, area: 'dòng điểm của đơn vị', editors: { kind: 'ownUnit' } },
  {
    sheet: SHEET_NAMES.verifiedScores,
    area: 'dòng điểm các đơn vị',
    editors: { kind: 'verifiers' },
  },
  {
    sheet: SHEET_NAMES.crossScores,
    area: 'khối điểm của đơn vị chấm',
    editors: { kind: 'ownUnit' },
  },
  { sheet: SHEET_NAMES.votes, area: 'phiếu của đơn vị', editors: { kind: 'ownUnit' } },
  {
    sheet: SHEET_NAMES.registration,
    area: 'khối dòng của đơn vị',
    editors: { kind: 'ownUnit' },
  },
  { sheet: SHEET_NAMES.awards, area: 'các cột nhập của sổ', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.ranking, area: 'do chương trình ghi', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.awardStatistics, area: 'do chương trình ghi', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.yearStatistics, area: 'do chương trình ghi', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.preprinted, area: 'cả trang', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.history, area: 'cả trang', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.rules, area: 'cả trang', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.eligibility, area: 'do chương trình ghi', editors: OWNER_HEAD },
  { sheet: SHEET_NAMES.audit, area: 'do chương trình ghi (chỉ thêm dòng)', editors: OWNER_HEAD },
];

// ------------------------------------------------------------------ who someone is

export interface Membership {
  /** The file owner's e-mail (Spreadsheet.getOwner(); blank where Google hides it). */
  readonly owner: string;
  readonly units: readonly Unit[];
}

/** The roles an e-mail has for the year. A blank e-mail (hidden identity) has none but `editor`. */
export function rolesOf(email: string, membership: Membership): Set<Role> {
  const me = emailKey(email);
  const roles = new Set<Role>();
  if (me === '') return new Set(['editor']);
  if (me === emailKey(membership.owner)) roles.add('owner');
  for (const u of membership.units) {
    if (emailKey(u.email) !== me) continue;
    roles.add('member');
    if (u.role === 'head') roles.add('head');
    if (u.role === 'deputy') roles.add('deputy');
  }
  if (roles.size === 0) roles.add('editor');
  return roles;
}

/** The e-mails of the units with a role, trimmed, blanks dropped, in Đơn vị's order. */
export function emailsWithRole(units: readonly Unit[], role: Unit['role']): string[] {
  return units.filter((u) => u.role === role && u.email.trim() !== '').map((u) => u.email.trim());
}

/** Those who type Thẩm định: the head, and deputies when Cấu hình grants it. */
export function verifierEmails(units: readonly Unit[], grants: RoleGrants): string[] {
  return [
    ...emailsWithRole(units, 'head'),
    ...(grants.deputiesVerify ? emailsWithRole(units, 'deputy') : []),
  ];
}

/**
 * The e-mails a protection of `rule` lists for the row of `unit` (undefined for areas that belong
 * to no unit). The owner is never listed: Google keeps the owner on every protection.
 * A unit never verifies itself: its own e-mail is left off its Thẩm định row.
 */
export function areaEditorEmails(
  rule: AreaRule,
  units: readonly Unit[],
  grants: RoleGrants,
  unit?: Unit,
): string[] {
  const heads = emailsWithRole(units, 'head');
  let list: string[];
  switch (rule.editors.kind) {
    case 'roles':
      list = [
        ...(rule.editors.roles.includes('head') ? heads : []),
        ...(rule.editors.roles.includes('deputy') ? emailsWithRole(units, 'deputy') : []),
      ];
      break;
    case 'ownUnit':
      list = [...heads, ...(unit !== undefined && unit.email.trim() !== '' ? [unit.email] : [])];
      break;
    case 'verifiers': {
      const own = unit === undefined ? '' : emailKey(unit.email);
      list = verifierEmails(units, grants).filter((e) => emailKey(e) !== own);
      break;
    }
  }
  return [...new Set(list.map(emailKey).filter((e) => e.includes('@')))].sort();
}

export function areaRule(sheet: SheetName): AreaRule {
  const rule = AREA_RULES.find((r) => r.sheet === sheet);
  if (rule === undefined) throw new Error(`roles: no area rule for ${sheet}`);
  return rule;
}

// ------------------------------------------------------------------ menu checks

export interface ActionPermission {
  readonly allowed: boolean;
  /** Vietnamese, naming who may, when not allowed. */
  readonly reason?: string;
}

function joinLabels(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join(', ');
}

/**
 * May the person at the keyboard (`email`, from Session.getActiveUser() in a menu run) run
 * `action`? `caption` is the menu item's Vietnamese caption, for the message.
 */
export function actionPermission(
  action: ActionKey,
  caption: string,
  email: string,
  membership: Membership,
): ActionPermission {
  const allowedRoles = ACTION_ROLES[action];
  const roles = rolesOf(email, membership);
  if (allowedRoles.some((r) => roles.has(r))) return { allowed: true };
  const heads = emailsWithRole(membership.units, 'head');
  // A file in a shared drive has no owner Google names: with no head declared yet, set-up is the
  // only way to get one, so whoever can open the menu may run it.
  if (action === 'setup' && emailKey(membership.owner) === '' && heads.length === 0)
    return { allowed: true };
  const who =
    emailKey(email) === ''
      ? 'Google không cho biết tài khoản của bạn (hãy đăng nhập bằng tài khoản Google đã được chia sẻ bảng tính)'
      : `Tài khoản ${email.trim()} (${joinLabels([...roles])})`;
  return {
    allowed: false,
    reason:
      `${who} không được dùng «${caption}». Chỉ ${joinLabels(allowedRoles)} được dùng chức năng này` +
      (allowedRoles.includes('head')
        ? ` (Cụm trưởng theo trang "${SHEET_NAMES.units}": ${heads.length > 0 ? heads.join(', ') : 'chưa khai báo'}).`
        : '.'),
  };
}

// ------------------------------------------------------------------ the table for the guides

function editorsLabel(editors: AreaEditors, grants: RoleGrants): string {
  switch (editors.kind) {
    case 'roles':
      return joinLabels(editors.roles);
    case 'ownUnit':
      return 'Đơn vị của chính dòng, khối hoặc phiếu đó; Cụm trưởng; Chủ sở hữu';
    case 'verifiers':
      return `Cụm trưởng${grants.deputiesVerify ? ', Cụm phó' : ''}, Chủ sở hữu (không ai thẩm định đơn vị mình)`;
  }
}

/** The table the README and HUONG_DAN.md print: [what, who], sheet areas then menu actions. */
/** The sheet-area half of the table: [area, who may type there]. */
export function areaTableRows(grants: RoleGrants = DEFAULT_GRANTS): Array<[string, string]> {
  return AREA_RULES.map((r): [string, string] => [
    `Trang "${r.sheet}" – ${r.area}`,
    editorsLabel(r.editors, grants),
  ]);
}

export function rolesTableRows(
  captions: Readonly<Record<ActionKey, string>>,
  grants: RoleGrants = DEFAULT_GRANTS,
): Array<[string, string]> {
  return [
    ...areaTableRows(grants),
    ...(Object.keys(ACTION_ROLES) as ActionKey[]).map((a): [string, string] => [
      `Menu «${captions[a]}»`,
      joinLabels(ACTION_ROLES[a]),
    ]),
  ];
}
