/** The "Thi đua" menu: captions users see and the top-level functions they call. */
export interface MenuItem {
  caption: string;
  functionName: string;
}

export const MENU: { title: string; items: ReadonlyArray<MenuItem | 'separator'> } = {
  title: 'Thi đua',
  items: [
    { caption: 'Khởi tạo / cập nhật bảng tính', functionName: 'menuSetup' },
    { caption: 'Kiểm tra dữ liệu', functionName: 'menuValidate' },
    { caption: 'Tạo bản giao ước', functionName: 'menuCreatePledge' },
    { caption: 'Tính xếp hạng', functionName: 'menuRank' },
    'separator',
    { caption: 'Tạo phiếu bình xét', functionName: 'menuPrepareBallots' },
    { caption: 'Kiểm phiếu bình xét', functionName: 'menuTallyVotes' },
    'separator',
    { caption: 'Lập sổ khen thưởng từ xếp hạng', functionName: 'menuFillAwardsFromRanking' },
    { caption: 'Tạo giấy khen / bằng khen', functionName: 'menuCreateCertificates' },
    { caption: 'Thống kê khen thưởng', functionName: 'menuAwardStatistics' },
    { caption: 'Hủy tác vụ', functionName: 'menuCancelJob' },
    'separator',
    { caption: 'Khóa / mở chấm điểm', functionName: 'menuToggleScoring' },
    { caption: 'Bật ghi nhật ký thay đổi', functionName: 'menuEnableAudit' },
    { caption: 'Giới thiệu', functionName: 'menuAbout' },
  ],
};
