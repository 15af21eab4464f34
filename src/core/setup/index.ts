export * from './types';
export * from './planSetup';
export * from './summary';
export {
  rebuildMatrix,
  matrixFormats,
  type OrphanScore,
  type MatrixRebuild,
} from './matrixRebuild';
export { resolveSheet, type Resolution } from './resolveSheets';
export { cellOut, fingerprint } from './cellsOut';
export {
  areaFormats,
  cellFormat,
  holdsValue,
  tableFormatOps,
  type AreaState,
  type FormatGrid,
} from './formatPlan';
