/**
 * The "Thi đua" menu: captions users see, the top-level functions they call, and the roles
 * table's action (src/core/roles.ts ACTION_ROLES) each one is checked against before it runs.
 */
import type { ActionKey } from '../core/roles';

export interface MenuItem {
  caption: string;
  functionName: string;
  action: ActionKey;
}

export const MENU: { title: string; items: ReadonlyArray<MenuItem | 'separator'> } = {
  title: 'Thi đua',
  items: [
    { caption: 'Khởi tạo / cập nhật bảng tính', functionName: 'menuSetup', action: 'setup' },
    { caption: 'Kiểm tra dữ liệu', functionName: 'menuValidate', action: 'validate' },
    { caption: 'Tạo bản giao ước', functionName: 'menuCreatePledge', action: 'pledge' },
    { caption: 'Tính xếp hạng', functionName: 'menuRank', action: 'rank' },
    'separator',
    { caption: 'Tạo phiếu bình xét', functionName: 'menuPrepareBallots', action: 'prepareBallots' },
    { caption: 'Kiểm phiếu bình xét', functionName: 'menuTallyVotes', action: 'tallyVotes' },
    'separator',
    {
      caption: 'Lập sổ khen thưởng từ xếp hạng',
      functionName: 'menuFillAwardsFromRanking',
      action: 'fillAwards',
    },
    { caption: 'Lập hồ sơ bình xét', functionName: 'menuCreateDossier', action: 'dossier' },
    {
      caption: 'Tạo giấy khen / bằng khen',
      functionName: 'menuCreateCertificates',
      action: 'certificates',
    },
    {
      caption: 'In trang căn chỉnh phôi',
      functionName: 'menuPreprintedCalibration',
      action: 'calibration',
    },
    { caption: 'Thống kê khen thưởng', functionName: 'menuAwardStatistics', action: 'statistics' },
    {
      caption: 'Kiểm tra điều kiện khen thưởng',
      functionName: 'menuCheckEligibility',
      action: 'eligibility',
    },
    {
      caption: 'Thống kê qua các năm',
      functionName: 'menuYearStatistics',
      action: 'yearStatistics',
    },
    { caption: 'Hủy tác vụ', functionName: 'menuCancelJob', action: 'cancelJob' },
    'separator',
    {
      caption: 'Ghi lịch sử từ sổ khen thưởng',
      functionName: 'menuRecordHistory',
      action: 'recordHistory',
    },
    {
      caption: 'Nhập lịch sử từ tệp khác',
      functionName: 'menuImportHistory',
      action: 'importHistory',
    },
    { caption: 'Tạo năm mới', functionName: 'menuNewYear', action: 'newYear' },
    'separator',
    { caption: 'Khóa / mở chấm điểm', functionName: 'menuToggleScoring', action: 'toggleScoring' },
    { caption: 'Bật ghi nhật ký thay đổi', functionName: 'menuEnableAudit', action: 'enableAudit' },
    { caption: 'Giới thiệu', functionName: 'menuAbout', action: 'about' },
  ],
};

/** Every item's caption by its action, for the roles table in the guides and refusals. */
export function actionCaptions(): Record<ActionKey, string> {
  const out = {} as Record<ActionKey, string>;
  for (const item of MENU.items) if (item !== 'separator') out[item.action] = item.caption;
  return out;
}

export function captionOf(action: ActionKey): string {
  return actionCaptions()[action];
}
