/**
 * The sample cluster after its nomination vote, for «Lập hồ sơ bình xét» (e2e and layout tests):
 * Hai Bà Trưng and Hoàng Mai tie for the last Bằng khen place, a second round of the two gives it
 * to Hoàng Mai 4 to 2, the register is filled from the vote, and the meeting's settings are typed.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { newHost, seedSampleWorkbook } from './workbookFixture';
import { setSetting } from './certificateRegister';

export const DOSSIER_CAPTION = 'Lập hồ sơ bình xét';
const V = `'${SHEET_NAMES.votes}'`;
const VOTERS = ['BD', 'HM', 'HK', 'DD', 'HBT', 'LB'];
/** The decision's signer (invented), typed in Cấu hình as the body's default signer. */
export const DECISION_SIGNER = {
  title: 'Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hà Nội',
  name: 'Phạm Minh Đức',
};
export const MEETING_SECRETARY = 'Trần Văn Thư';

export function ok(
  host: LocalHost,
  caption: string,
  user?: string,
): ReturnType<LocalHost['clickMenu']> {
  const run = host.clickMenu(caption, user);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
  return run;
}

function cast(host: LocalHost, yes: Record<string, number>): void {
  const labels = host.spreadsheet.valuesAt(`${V}!B2:B200`).map((r) => String(r[0]));
  const nominees = [...new Set(labels.filter((r) => r !== ''))];
  const marks = VOTERS.flatMap((_, i) =>
    nominees.map((n) => [i < (yes[n] ?? 0) ? 'Đồng ý' : 'Không đồng ý']),
  );
  expect(host.edit(host.owner, `${V}!C2:C${String(marks.length + 1)}`, marks).accepted).toBe(true);
}

/**
 * The sample cluster after its vote: a tie between Hai Bà Trưng and Hoàng Mai for the last Bằng
 * khen place, a second round won 4 to 2 by Hoàng Mai, the register filled from the vote, and the
 * meeting's settings typed.
 */
export function votedHost(): LocalHost {
  const host = newHost({
    runtime: { startTime: new Date('2022-12-15T08:00:00+07:00') },
    spreadsheet: { editors: SAMPLE_UNIT_ROWS.map((r) => r[6] ?? '').filter((e) => e !== '') },
  });
  seedSampleWorkbook(host);
  host.open();
  ok(host, 'Khởi tạo / cập nhật bảng tính');
  ok(host, 'Tính xếp hạng');
  ok(host, 'Tạo phiếu bình xét');
  cast(host, {
    'Ba Đình (Cờ thi đua)': 6,
    'Hoàn Kiếm (Bằng khen)': 6,
    'Hai Bà Trưng (Bằng khen)': 4,
    'Hoàng Mai (Bằng khen)': 4,
  });
  ok(host, 'Kiểm phiếu bình xét');
  host.ui.answer('YES');
  ok(host, 'Tạo phiếu bình xét');
  cast(host, { 'Hoàng Mai (Bằng khen) - vòng 2': 4, 'Hai Bà Trưng (Bằng khen) - vòng 2': 2 });
  ok(host, 'Kiểm phiếu bình xét');
  ok(host, 'Lập sổ khen thưởng từ xếp hạng');
  setSetting(host, 'Ngày họp bình xét', '15/12/2022');
  setSetting(host, 'Giờ họp bình xét', '8 giờ 30');
  setSetting(host, 'Địa điểm họp bình xét', 'Trụ sở Ủy ban MTTQ Việt Nam quận Ba Đình');
  setSetting(host, 'Thư ký cuộc họp bình xét', MEETING_SECRETARY);
  setSetting(host, 'Ban kiểm phiếu', 'Lê Thị Kiểm\nPhạm Văn Phiếu');
  setSetting(host, 'Số biên bản họp bình xét', '1/BB-CTĐ1');
  setSetting(
    host,
    'Kính gửi (tờ trình đề nghị khen thưởng)',
    'Ủy ban MTTQ Việt Nam thành phố Hà Nội',
  );
  setSetting(host, 'Chức vụ người ký', DECISION_SIGNER.title);
  setSetting(host, 'Người ký', DECISION_SIGNER.name);
  host.ui.shown.length = 0;
  return host;
}
