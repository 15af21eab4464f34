/**
 * "Khởi tạo / cập nhật bảng tính": the roles table's check (owner or head only, before the lock
 * and any write), then reads the workbook once, plans with the pure core, applies the plan in
 * batches, sets the file's locale and time zone, stores the product sheets' ids (so renamed or
 * deleted sheets are recognised next time) and tells the user in Vietnamese what was done.
 */
import {
  LAST_SETUP_PROPERTY,
  SHEET_IDS_PROPERTY,
  planSetup,
  setupSummary,
  headerFindingsOf,
  setupToast,
} from '../../core/setup';
import { runLocked } from '../lock';
import { alertUser, errorMessage, toast } from '../notify';
import { activeWorkbook, readGrids } from '../workbook';
import { emailKey } from '../../core/text/normalize';
import { checkWorkbook } from '../../core/validation/problems';
import { CHECKED_SHEETS } from '../../core/edit/editCheck';
import { ensureDefaultTemplates } from '../docs/templates';
import { captionOf } from '../menuDefinition';
import { checkCaller, readCaller } from '../permissions';
import { applySetup, blockedWrites } from './applySetup';
import { readSetupState } from './readSetupState';
import { applyLocale } from './locale';

export const SETUP_CAPTION = captionOf('setup');

export function menuSetup(): void {
  const caller = readCaller(activeWorkbook());
  if (!checkCaller('setup', caller).allowed) return;
  runLocked(SETUP_CAPTION, () => {
    const ss = activeWorkbook();
    const properties = PropertiesService.getDocumentProperties();
    const state = readSetupState(ss, properties, {
      runner: caller.email,
      owner: caller.membership.owner,
    });
    const plan = planSetup(state.current);
    const owner = emailKey(caller.membership.owner);
    if (owner === '' || emailKey(caller.email) !== owner) {
      const blocked = blockedWrites(plan, state);
      if (blocked.length > 0) {
        alertUser(
          `Chưa khởi tạo được: lần này cần sửa ${blocked.length} vùng mà tài khoản của bạn không ` +
            `được sửa (${blocked.slice(0, 3).join('; ')}${blocked.length > 3 ? '; …' : ''}), ví ` +
            'dụ dòng Thẩm định của chính đơn vị bạn. Chưa thay đổi gì. Hãy nhờ chủ sở hữu bảng ' +
            `tính${caller.membership.owner ? ` (${caller.membership.owner})` : ''} chạy «${SETUP_CAPTION}».`,
          SETUP_CAPTION,
        );
        return;
      }
    }
    const applied = applySetup(ss, plan, state);
    properties.setProperties({
      [SHEET_IDS_PROPERTY]: JSON.stringify(applied.ids),
      [LAST_SETUP_PROPERTY]: state.current.now.toISOString(),
    });
    const locale = applyLocale(ss, caller);
    const templates = defaultTemplatesSummary(ss);
    // What the check would say of the headers now: set-up claims "đúng cấu trúc" only if true.
    const headers = headerFindingsOf(checkWorkbook(readGrids(ss, CHECKED_SHEETS)));
    toast(setupToast(plan.report, applied, headers));
    alertUser(
      [setupSummary(plan.report, applied, headers), ...applied.messages, locale, templates]
        .filter((t) => t !== '')
        .join('\n\n'),
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
