/**
 * The user actions of the fuzz campaign, as data: which person, which sheet, cell or menu item.
 * Picks are plain numbers resolved against the workbook as it is when the step runs (the sheets
 * a sequence deleted or added change what "sheet 3" means), so every sequence stays runnable.
 */
import fc from 'fast-check';
import { typedValue, describeTyped, type Typed } from './values';

/** Who acts: the people of DESIGN §8 plus the account of a unit nobody else stands for. */
export const ACTORS = [
  'owner',
  'head',
  'deputy',
  'member',
  'editor',
  'anonymous',
  'otherUnit',
] as const;
export type Actor = (typeof ACTORS)[number];

/** Menu captions with how often a sequence clicks them (the ranking most: it has an oracle). */
export const MENU_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['Tính xếp hạng', 6],
  ['Khởi tạo / cập nhật bảng tính', 2],
  ['Kiểm tra dữ liệu', 1],
  ['Tạo bản giao ước', 1],
  ['Tạo phiếu bình xét', 1],
  ['Kiểm phiếu bình xét', 1],
  ['Lập sổ khen thưởng từ xếp hạng', 2],
  ['Tạo giấy khen / bằng khen', 2],
  ['Thống kê khen thưởng', 1],
  ['Hủy tác vụ', 1],
  ['Khóa / mở chấm điểm', 1],
  ['Bật ghi nhật ký thay đổi', 1],
  ['Giới thiệu', 1],
];

export const SHEET_NAME_CHOICES = [
  'Tự chấm (cũ)',
  'tự chấm',
  'Xếp hạng',
  'Bảng tính riêng',
  'Ghi chú của đơn vị',
  'Trang tính2',
] as const;

export type Action =
  | { kind: 'type'; who: Actor; sheet: number; row: number; col: number; value: Typed }
  | { kind: 'paste'; who: Actor; sheet: number; row: number; col: number; grid: Typed[][] }
  | {
      kind: 'clear';
      who: Actor;
      sheet: number;
      row: number;
      col: number;
      rows: number;
      cols: number;
    }
  | { kind: 'deleteSheet'; who: Actor; sheet: number }
  | { kind: 'renameSheet'; who: Actor; sheet: number; name: string }
  | { kind: 'insertSheet'; who: Actor; name: string }
  | { kind: 'insertRows'; who: Actor; sheet: number; row: number; count: number }
  | { kind: 'deleteRows'; who: Actor; sheet: number; row: number; count: number }
  | { kind: 'sort'; who: Actor; sheet: number; col: number; descending: boolean }
  | { kind: 'menu'; who: Actor; item: number; answerNo: boolean }
  | { kind: 'completeRegister'; who: Actor; row: number };

const pick = fc.nat({ max: 10_000 });
/** People who type: unit accounts most, since most typing in a cluster is theirs. */
const actor: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Actor>('member', 'otherUnit') },
  { weight: 2, arbitrary: fc.constantFrom<Actor>('head', 'owner') },
  { weight: 1, arbitrary: fc.constantFrom<Actor>('deputy', 'editor', 'anonymous') },
);
const grid = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([r, c]) =>
    fc.array(fc.array(typedValue, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  );

export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      who: actor,
      sheet: pick,
      row: pick,
      col: pick,
      value: typedValue,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('paste' as const),
      who: actor,
      sheet: pick,
      row: pick,
      col: pick,
      grid,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('clear' as const),
      who: actor,
      sheet: pick,
      row: pick,
      col: pick,
      rows: fc.integer({ min: 1, max: 4 }),
      cols: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deleteSheet' as const), who: actor, sheet: pick }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('renameSheet' as const),
      who: actor,
      sheet: pick,
      name: fc.constantFrom(...SHEET_NAME_CHOICES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insertSheet' as const),
      who: actor,
      name: fc.constantFrom(...SHEET_NAME_CHOICES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insertRows' as const),
      who: actor,
      sheet: pick,
      row: pick,
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deleteRows' as const),
      who: actor,
      sheet: pick,
      row: pick,
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('sort' as const),
      who: actor,
      sheet: pick,
      col: pick,
      descending: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('menu' as const),
      who: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom<Actor>('owner', 'head') },
        { weight: 1, arbitrary: fc.constantFrom(...ACTORS) },
      ),
      item: pick,
      answerNo: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('completeRegister' as const),
      who: fc.constantFrom<Actor>('owner', 'head'),
      row: pick,
    }),
  },
);

/** One line per action, for counterexamples. */
export function describeAction(a: Action): string {
  switch (a.kind) {
    case 'type':
      return `${a.who} types ${describeTyped(a.value)} (sheet#${String(a.sheet)} r${String(a.row)} c${String(a.col)})`;
    case 'paste':
      return `${a.who} pastes [${a.grid.map((r) => r.map(describeTyped).join(', ')).join(' | ')}] (sheet#${String(a.sheet)} r${String(a.row)} c${String(a.col)})`;
    default:
      return `${a.who} ${a.kind} ${JSON.stringify({ ...a, kind: undefined, who: undefined })}`;
  }
}
