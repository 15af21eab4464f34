/**
 * Table layout for the Node PDF renderer (layout.ts lays out the cells' blocks): column widths
 * from the table, then the cells, else an equal share; rows as boxes that split between their
 * cells' lines unless keep-together.
 */
import type { CellStyle, DocNode } from '../host/docs/model';
import {
  blockBoxes,
  stack,
  type Box,
  type ListCounter,
  type Measure,
  type Painter,
} from './layout';

const CELL_PAD_X = 5;
const CELL_PAD_Y = 2;

function columnWidths(node: DocNode, avail: number): number[] {
  const rows = node.children;
  const n = rows.reduce((k, r) => Math.max(k, r.children.length), 0);
  const given: Array<number | undefined> = [];
  for (let i = 0; i < n; i++)
    given.push(
      node.table?.columnWidths[i] ??
        rows.find((r) => r.children[i]?.cell?.width !== undefined)?.children[i]?.cell?.width,
    );
  const fixed = given.reduce<number>((s, w) => s + (w ?? 0), 0);
  const free = given.filter((w) => w === undefined).length;
  const share = free > 0 ? Math.max(20, (avail - fixed) / free) : 0;
  const widths = given.map((w) => w ?? share);
  const total = widths.reduce((s, w) => s + w, 0);
  // A table wider than its room (a nested table) is scaled to fit, as Docs shows it.
  return total > avail + 0.5 ? widths.map((w) => (w * avail) / total) : widths;
}

interface CellPart {
  cs: CellStyle;
  w: number;
  padL: number;
  padT: number;
  padB: number;
  boxes: Box[];
}

interface RowStyle {
  border: number;
  borderColor: string;
  minHeight: number;
  keepTogether: boolean;
}

/**
 * One table row as a box. A row that does not fit splits between its cells' lines, as Docs and
 * Word let rows overflow by default; a keep-together row never splits (it moves whole).
 */
function rowBox(cells: readonly CellPart[], style: RowStyle): Box {
  const heights = cells.map((c) => c.boxes.reduce((s, b) => s + b.height, 0));
  const height = Math.max(
    style.minHeight,
    ...cells.map((c, i) => (heights[i] ?? 0) + c.padT + c.padB),
  );
  return {
    height,
    keepTogether: style.keepTogether,
    split: style.keepTogether
      ? undefined
      : (room: number): [Box, Box] | null => {
          const heads: CellPart[] = [];
          const tails: CellPart[] = [];
          for (const c of cells) {
            let used = c.padT + c.padB;
            let k = 0;
            while (k < c.boxes.length && used + (c.boxes[k]?.height ?? 0) <= room) {
              used += c.boxes[k]?.height ?? 0;
              k++;
            }
            heads.push({ ...c, boxes: c.boxes.slice(0, k) });
            tails.push({ ...c, boxes: c.boxes.slice(k) });
          }
          if (heads.every((c) => c.boxes.length === 0) || tails.every((c) => c.boxes.length === 0))
            return null;
          const rest = { ...style, minHeight: 0 };
          return [rowBox(heads, { ...style, minHeight: 0 }), rowBox(tails, rest)];
        },
    paint(pt: Painter, x: number, y: number) {
      let cx = x;
      cells.forEach((c, i) => {
        if (c.cs.backgroundColor) pt.rect(cx, y, c.w, height, c.cs.backgroundColor);
        const room = height - c.padT - c.padB - (heights[i] ?? 0);
        const dy =
          c.cs.verticalAlignment === 'CENTER'
            ? room / 2
            : c.cs.verticalAlignment === 'BOTTOM'
              ? room
              : 0;
        stack(c.boxes).paint(pt, cx + c.padL, y + c.padT + dy);
        if (style.border > 0) {
          const { border, borderColor } = style;
          pt.line(cx, y, cx + c.w, y, border, borderColor);
          pt.line(cx, y + height, cx + c.w, y + height, border, borderColor);
          pt.line(cx, y, cx, y + height, border, borderColor);
          pt.line(cx + c.w, y, cx + c.w, y + height, border, borderColor);
        }
        cx += c.w;
      });
    },
  };
}

/** The table as one box per row. */
export function tableBoxes(node: DocNode, avail: number, m: Measure, lists: ListCounter): Box[] {
  const widths = columnWidths(node, avail);
  const border = node.table?.borderWidth ?? 1;
  const borderColor = node.table?.borderColor ?? '#000000';
  return node.children.map((row) => {
    const cells = row.children.map((cell, i): CellPart => {
      const cs = cell.cell ?? {};
      const w = widths[i] ?? 0;
      const padL = cs.paddingLeft ?? CELL_PAD_X;
      const padR = cs.paddingRight ?? CELL_PAD_X;
      const padT = cs.paddingTop ?? CELL_PAD_Y;
      const padB = cs.paddingBottom ?? CELL_PAD_Y;
      const boxes = blockBoxes(cell.children, Math.max(1, w - padL - padR), m, lists);
      return { cs, w, padL, padT, padB, boxes };
    });
    return rowBox(cells, {
      border,
      borderColor,
      minHeight: row.minimumHeight ?? 0,
      keepTogether: row.keepTogether === true,
    });
  });
}
