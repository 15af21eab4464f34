export {
  validateWorkbook,
  readWorkbook,
  compareFindings,
  type WorkbookGrids,
  type WorkbookOptions,
  type WorkbookReadout,
} from './workbook';
export { checkEditedCells, type EditedBlock, type EditContext, type CellVerdict } from './edit';
