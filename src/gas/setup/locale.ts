/**
 * The file's locale and time zone: a new spreadsheet takes its creator's (often en_US and an
 * American zone), which turns "9,5" into text and shifts every date typed near midnight. Set-up
 * sets vi_VN and Asia/Ho_Chi_Minh when they differ; only the owner and the head run set-up.
 */
import { errorMessage } from '../notify';
import type { Caller } from '../permissions';

export const FILE_LOCALE = 'vi_VN';
export const FILE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sets what differs and says so in Vietnamese ('' when both were already right). */
export function applyLocale(ss: Spreadsheet, caller: Caller): string {
  const changed: string[] = [];
  try {
    const locale = ss.getSpreadsheetLocale();
    if (locale !== FILE_LOCALE) {
      ss.setSpreadsheetLocale(FILE_LOCALE);
      changed.push(`ngôn ngữ và định dạng số: ${locale} → ${FILE_LOCALE} (dấu phẩy thập phân)`);
    }
    const zone = ss.getSpreadsheetTimeZone();
    if (zone !== FILE_TIME_ZONE) {
      ss.setSpreadsheetTimeZone(FILE_TIME_ZONE);
      changed.push(`múi giờ: ${zone} → ${FILE_TIME_ZONE}`);
    }
  } catch (error) {
    const owner = caller.membership.owner;
    return (
      `Chưa đặt được ngôn ngữ ${FILE_LOCALE} và múi giờ ${FILE_TIME_ZONE} cho bảng tính: ${errorMessage(error)}. ` +
      `Chủ sở hữu${owner === '' ? '' : ` (${owner})`} hãy đặt trong Tệp › Cài đặt hoặc chạy lại «Khởi tạo / cập nhật bảng tính».`
    );
  }
  return changed.length === 0 ? '' : `Đã đặt cho bảng tính: ${changed.join('; ')}.`;
}
