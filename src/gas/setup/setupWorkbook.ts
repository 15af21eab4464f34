/**
 * "Khởi tạo / cập nhật bảng tính": reads the workbook once, plans with the pure core, applies the
 * plan in batches, stores the product sheets' ids (so renamed or deleted sheets are recognised
 * next time) and tells the user in Vietnamese what was done.
 */
import {
  LAST_SETUP_PROPERTY,
  SHEET_IDS_PROPERTY,
  planSetup,
  setupSummary,
  setupToast,
} from '../../core/setup';
import { runLocked } from '../lock';
import { alertUser, errorMessage, toast } from '../notify';
import { activeWorkbook } from '../workbook';
import { ensureDefaultTemplates } from '../docs/templates';
import { applySetup } from './applySetup';
import { readSetupState } from './readSetupState';

export const SETUP_CAPTION = 'Khởi tạo / cập nhật bảng tính';

export function menuSetup(): void {
  runLocked(SETUP_CAPTION, () => {
    const ss = activeWorkbook();
    const properties = PropertiesService.getDocumentProperties();
    const state = readSetupState(ss, properties);
    const plan = planSetup(state.current);
    const applied = applySetup(ss, plan, state);
    properties.setProperties({
      [SHEET_IDS_PROPERTY]: JSON.stringify(applied.ids),
      [LAST_SETUP_PROPERTY]: state.current.now.toISOString(),
    });
    const templates = defaultTemplatesSummary(ss);
    toast(setupToast(plan.report, applied));
    alertUser(
      [setupSummary(plan.report, applied), templates].filter((t) => t !== '').join('\n\n'),
      SETUP_CAPTION,
    );
  });
}

/**
 * The default Docs templates (giao ước, giấy khen, bằng khen) are made next to the workbook and
 * recorded in Cấu hình. The sheets are already set up by then, so a Docs or Drive failure is
 * reported rather than undoing them.
 */
function defaultTemplatesSummary(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return ensureDefaultTemplates(ss).summary;
  } catch (error) {
    return `Chưa tạo được các mẫu văn bản mặc định: ${errorMessage(error)}`;
  }
}
