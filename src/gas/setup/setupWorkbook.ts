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
import { withDocumentLock } from '../lock';
import { alertUser, toast } from '../notify';
import { activeWorkbook } from '../workbook';
import { applySetup } from './applySetup';
import { readSetupState } from './readSetupState';

export const SETUP_CAPTION = 'Khởi tạo / cập nhật bảng tính';

export function menuSetup(): void {
  withDocumentLock(SETUP_CAPTION, () => {
    const ss = activeWorkbook();
    const properties = PropertiesService.getDocumentProperties();
    const state = readSetupState(ss, properties);
    const plan = planSetup(state.current);
    const applied = applySetup(ss, plan, state);
    properties.setProperties({
      [SHEET_IDS_PROPERTY]: JSON.stringify(applied.ids),
      [LAST_SETUP_PROPERTY]: state.current.now.toISOString(),
    });
    toast(setupToast(plan.report, applied));
    alertUser(setupSummary(plan.report, applied), SETUP_CAPTION);
  });
}
