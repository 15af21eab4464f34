/**
 * Combined print files: one Doc holds many certificates, each a copy of the template's body
 * blocks after a page break. Each certificate's merge plan (planMerge against the template) is
 * applied to its own copy by shifting the plan's top-level block indices by where the copy starts;
 * ops inside table cells shift the first step of their container path. Certificates are appended
 * and merged one at a time, so a later copy never moves an earlier one's indices.
 */
import type { EditOp } from '../template';

export function shiftOps(ops: readonly EditOp[], offset: number): EditOp[] {
  if (offset === 0) return [...ops];
  return ops.map((op): EditOp => {
    if (op.container.length > 0) {
      const [first, ...rest] = op.container;
      return { ...op, container: [(first ?? 0) + offset, ...rest] };
    }
    switch (op.op) {
      case 'replace':
      case 'removeBlock':
      case 'clearBlock':
        return { ...op, block: op.block + offset };
      case 'copyBlock':
        return { ...op, from: op.from + offset, to: op.to + offset };
      case 'copyRow':
      case 'removeRow':
        return { ...op, table: op.table + offset };
    }
  });
}
