import { SHEET_NAMES } from './sheets';
import { areaTableRows } from '../roles';

/** Lines of the Hướng dẫn sheet, one per row, written by set-up. */
export const GUIDE_LINES: readonly string[] = [
  'HƯỚNG DẪN SỬ DỤNG',
  `1. Trang "${SHEET_NAMES.settings}": nhập tên cụm, năm, số và ngày kế hoạch, ngưỡng xếp loại, số lượng đề nghị khen thưởng.`,
  `2. Trang "${SHEET_NAMES.units}": mỗi dòng một đơn vị; mã đơn vị không trùng nhau; chọn vai trò Cụm trưởng, Cụm phó hoặc Thành viên.`,
  `3. Trang "${SHEET_NAMES.criteria}": dòng chỉ có mã nhóm và tên nhóm khai báo nhóm tiêu chí và điểm tối đa của nhóm; các dòng tiếp theo là tiêu chí của nhóm đó. Tiêu chí con ghi mã tiêu chí cha.`,
  `4. Trang "${SHEET_NAMES.selfScores}": mỗi đơn vị nhập điểm vào dòng của mình; trang "${SHEET_NAMES.verifiedScores}": Cụm trưởng (và Cụm phó nếu Cấu hình cho phép) nhập điểm thẩm định, không ai thẩm định đơn vị mình. Được nhập số thập phân với dấu phẩy (ví dụ 9,5). Tiêu chí Đạt / Không đạt ghi "Đạt" hoặc "Không đạt". Tiêu chí định lượng ghi chỉ tiêu và kết quả thực hiện ở hai cột.`,
  `5. Trang "${SHEET_NAMES.crossScores}": mỗi đơn vị chấm có một khối dòng đã điền sẵn mã (đơn vị được chấm, tiêu chí); chỉ nhập cột điểm trong khối của mình.`,
  `6. Trang "${SHEET_NAMES.votes}": mỗi dòng là ý kiến của một đơn vị với một người hoặc đơn vị được đề nghị: Đồng ý, Không đồng ý hoặc để trống; mỗi đơn vị chỉ sửa phiếu của mình.`,
  `   • Trang "${SHEET_NAMES.registration}": mỗi đơn vị một khối dòng đã ghi sẵn mã, tên đơn vị; đơn vị ghi danh hiệu tập thể đăng ký (một lần) và mỗi cá nhân một dòng với danh hiệu cá nhân đăng ký; hết dòng trống thì nhờ Cụm trưởng chạy lại «Khởi tạo / cập nhật bảng tính».`,
  '7. Ô nhập sai được tô màu và ghi chú lý do; menu "Thi đua" → "Kiểm tra dữ liệu" liệt kê mọi lỗi kèm trang và ô. Dữ liệu đã nhập không bao giờ bị tự động sửa hay xoá.',
  `8. Khi Cụm trưởng khoá chấm điểm (trang "${SHEET_NAMES.settings}", dòng "Chấm điểm": Đã khóa), mọi sửa đổi điểm sau đó bị từ chối và ghi vào trang "${SHEET_NAMES.audit}".`,
  '9. Ai được nhập ở đâu (bảng phân quyền; Google từ chối mọi ô ngoài quyền của bạn):',
  ...areaTableRows().map(([area, who]) => `   • ${area}: ${who}.`),
  '10. Quy tắc tính điểm và xếp hạng (chi tiết và ví dụ: tệp HUONG_DAN.md, mục "Quy tắc tính điểm và xếp hạng"):',
  '   • Mỗi ô lấy điểm thẩm định nếu có, nếu không thì điểm chấm chéo (khi dùng), nếu không thì điểm tự chấm. Điểm chấm chéo là trung bình cộng; bỏ cao nhất, thấp nhất chỉ khi có từ 3 điểm.',
  '   • Vượt chỉ tiêu được cộng theo tỷ lệ: (thực hiện ÷ chỉ tiêu − 1) × 100 × điểm mỗi 1 %, không quá mức trần. Điểm tính chính xác đến 0,01. Ô điểm thưởng, điểm trừ để trống là 0.',
  '   • Điểm tối đa của nhóm chỉ để kiểm tra, không cắt điểm.',
  '   • Báo thiếu, không xếp hạng: đơn vị thiếu điểm không có thứ hạng, không được đề nghị, không chiếm suất, ghi riêng cuối bảng. Tính 0 điểm: ô trống là 0, xếp hạng bình thường.',
  '   • Xếp loại cần đạt là mức tối thiểu ("Tốt" nghĩa là Tốt trở lên). Suất xét theo thứ tự xếp hạng trong các đơn vị đủ điều kiện; số suất không bao giờ bị mất; đồng hạng ở suất cuối thì bỏ phiếu bình xét.',
  '   • Để trống thứ tự ưu tiên khi bằng điểm: không dùng tiêu chí phụ. "Nhiều tiêu chí đạt điểm tối đa hơn" đếm các tiêu chí lá.',
];
