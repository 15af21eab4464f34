import { computeRanking, rankingSheetValues } from '../../../src/core/ranking/computeRanking';
import {
  certificateQuota,
  proposeAwards,
  type ProposalCandidate,
} from '../../../src/core/ranking/propose';
import { ProposalQuotasSchema } from '../../../src/core/model/settings';
import {
  sampleEntries,
  sampleExpected,
  sampleLocate,
  sampleSelfEntries,
  sampleSettings,
  sampleTree,
  sampleUnits,
} from '../../fixtures-core/sampleCluster';

describe('computeRanking on the sample cluster', () => {
  const result = computeRanking({
    settings: sampleSettings,
    units: sampleUnits,
    tree: sampleTree,
    entries: sampleEntries,
    locate: sampleLocate,
  });

  it('rows in rank order with the hand-computed totals and classifications', () => {
    expect(result.rows.map((r) => r.unitCode)).toEqual(sampleExpected.order);
    expect(result.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const row of result.rows) {
      const code = row.unitCode as keyof typeof sampleExpected.totals;
      expect(row.total).toBeCloseTo(sampleExpected.totals[code], 9);
      expect(row.classification).toBe(sampleExpected.classification[code]);
      expect(row.maxTotal).toBe(100);
    }
    expect(result.subtotalColumns.map((c) => c.code)).toEqual(['I', 'II']);
    expect(result.rows[0]!.groupSubtotals).toEqual([59, 37]);
    expect(result.rows[1]!.share).toBeCloseTo(0.97, 12);
  });

  it('the tie between Ba Đình and Hoàng Mai is broken by penalty points', () => {
    expect(result.rows[0]!.tieNote).toBe('Bằng điểm với Hoàng Mai, xếp trên do ít điểm trừ hơn');
    expect(result.rows[1]!.tieNote).toBe('Bằng điểm với Ba Đình, xếp dưới do nhiều điểm trừ hơn');
    expect(result.rows[1]!.tieBreak).toEqual({ kind: 'fewerPenalty' });
    expect(result.rows[2]!.tieNote).toBe('');
  });

  it('proposals and reasons', () => {
    expect(result.rows.map((r) => [r.unitCode, r.proposal, r.reason])).toEqual([
      ['BD', 'Cờ thi đua', 'Xếp hạng 1, xếp loại Xuất sắc: đề nghị tặng Cờ thi đua'],
      ['HM', 'Bằng khen', 'Xếp hạng 2, xếp loại Xuất sắc: đề nghị tặng Bằng khen'],
      ['HBT', 'Bằng khen', 'Xếp hạng 3, xếp loại Tốt: đề nghị tặng Bằng khen'],
      ['HK', '', 'Xếp hạng 4, xếp loại Tốt: ngoài chỉ tiêu Bằng khen (2 đơn vị)'],
      ['DD', '', 'Xếp hạng 5, xếp loại Khá: ngoài chỉ tiêu Bằng khen (2 đơn vị)'],
      ['LB', '', 'Xếp hạng 6, xếp loại Trung bình: ngoài chỉ tiêu Bằng khen (2 đơn vị)'],
    ]);
  });

  it('summary and toast', () => {
    expect(result.summary.byClassification).toEqual([
      { label: 'Xuất sắc', count: 2 },
      { label: 'Tốt', count: 2 },
      { label: 'Khá', count: 1 },
      { label: 'Trung bình', count: 1 },
    ]);
    expect(result.summary.proposed).toEqual([
      { form: 'Cờ thi đua', units: ['Ba Đình'] },
      { form: 'Bằng khen', units: ['Hoàng Mai', 'Hai Bà Trưng'] },
    ]);
    expect(result.toast).toBe(
      'Đã xếp hạng 6 đơn vị: 2 Xuất sắc, 2 Tốt, 1 Khá, 1 Trung bình; đề nghị Cờ thi đua: Ba Đình; ' +
        'đề nghị Bằng khen: Hoàng Mai, Hai Bà Trưng.',
    );
  });

  it('one block of values for the ranking sheet, columns aligned with the header', () => {
    const { header, values } = rankingSheetValues(result);
    expect(header).toHaveLength(14);
    expect(values.every((row) => row.length === header.length)).toBe(true);
    expect(values[0]!.slice(0, 10)).toEqual([1, 'BD', 'Ba Đình', 59, 37, 1, 0, 97, 100, 0.97]);
    expect(values[0]![11]).toBe('Cờ thi đua');
  });

  // Issue 14, rule 2: under "Báo thiếu, không xếp hạng" a unit with a missing score used to be
  // ranked (4th) with a provisional class; it is now kept apart, unranked, after the others.
  it('Báo thiếu, không xếp hạng: đơn vị thiếu điểm không có thứ hạng, không được đề nghị, không chiếm suất, không đẩy hạng đơn vị khác', () => {
    const entries = sampleEntries.filter((e) => !(e.unit === 'HM' && e.criterion === '5'));
    const r = computeRanking({
      settings: sampleSettings,
      units: sampleUnits,
      tree: sampleTree,
      entries,
      locate: sampleLocate,
    });
    const hm = r.rows.find((x) => x.unitCode === 'HM')!;
    expect(hm.total).toBeCloseTo(79, 9);
    expect(hm.complete).toBe(false);
    expect(hm.rank).toBe(0);
    expect(r.rows[r.rows.length - 1]).toBe(hm);
    expect(hm.classificationNote).toBe('Xếp loại tạm tính: chưa có điểm tiêu chí 5');
    expect(hm.proposal).toBe('');
    expect(hm.voteNeededFor).toBe('');
    expect(hm.reason).toBe(
      'chưa xếp hạng: thiếu điểm tiêu chí 5 (Tự chấm!H5); tổng điểm tạm tính, không xếp hạng, ' +
        'không đề nghị khen thưởng',
    );
    // The others keep their order and ranks 1..5 as if HM were not there; HBT takes the second
    // Bằng khen place HM held.
    expect(r.rows.slice(0, 5).map((x) => [x.unitCode, x.rank])).toEqual([
      ['BD', 1],
      ['HBT', 2],
      ['HK', 3],
      ['DD', 4],
      ['LB', 5],
    ]);
    expect(r.rows.filter((x) => x.proposal !== '').map((x) => [x.unitCode, x.proposal])).toEqual([
      ['BD', 'Cờ thi đua'],
      ['HBT', 'Bằng khen'],
      ['HK', 'Bằng khen'],
    ]);
    expect(rankingSheetValues(r).values[5]![0]).toBe('');
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([['score-missing', 'H5']]);
    expect(r.toast).toContain(
      '1 đơn vị thiếu điểm chưa xếp hạng, không đề nghị khen thưởng; 1 lỗi dữ liệu (xem Kiểm tra dữ liệu)',
    );
  });

  it('Tính 0 điểm: ô thiếu điểm được tính 0 và đơn vị được xếp hạng bình thường', () => {
    const entries = sampleEntries.filter((e) => !(e.unit === 'HM' && e.criterion === '5'));
    const r = computeRanking({
      settings: { ...sampleSettings, missingScorePolicy: 'zero' },
      units: sampleUnits,
      tree: sampleTree,
      entries,
      locate: sampleLocate,
    });
    const hm = r.rows.find((x) => x.unitCode === 'HM')!;
    expect([hm.rank, hm.total, hm.complete, hm.classificationNote]).toEqual([4, 79, true, '']);
    expect(r.toast).toContain('1 đơn vị thiếu điểm được tính 0 điểm ở ô trống');
    expect(r.toast).not.toContain('chưa xếp hạng');
  });

  it('works with no units and no entries', () => {
    const r = computeRanking({
      settings: sampleSettings,
      units: [],
      tree: sampleTree,
      entries: [],
    });
    expect(r.rows).toEqual([]);
    expect(r.toast).toBe('Chưa có đơn vị nào để xếp hạng.');
  });

  it('self entries alone give the self totals (no verified overrides)', () => {
    const r = computeRanking({
      settings: sampleSettings,
      units: sampleUnits,
      tree: sampleTree,
      entries: sampleSelfEntries,
    });
    // HM self-scored 29 on criterion 1 (98) and DD passed criterion 4 (80).
    expect(r.rows.find((x) => x.unitCode === 'HM')!.total).toBeCloseTo(98, 9);
    expect(r.rows.find((x) => x.unitCode === 'DD')!.total).toBeCloseTo(80, 9);
    expect(r.rows[0]!.unitCode).toBe('HM');
  });
});

describe('proposeAwards at quota boundaries', () => {
  const quotas = ProposalQuotasSchema.parse({});
  const c = (
    unit: string,
    rank: number,
    classification = 'Xuất sắc',
    complete = true,
  ): ProposalCandidate => ({
    unit,
    name: unit,
    rank,
    classification,
    complete,
    missing: complete ? [] : ['3'],
  });

  // Issue 14, rule 4: the vote decides only who of A and B gets the flag; the one who does not
  // takes one Bằng khen place, and C the other (C used to be "ngoài chỉ tiêu": a place lost).
  it('Đồng hạng ở suất Cờ thi đua cuối: bỏ phiếu chọn đơn vị nhận Cờ, đơn vị còn lại nhận Bằng khen, đơn vị xếp sau vẫn nhận suất còn lại', () => {
    const p = proposeAwards([c('A', 1), c('B', 1), c('C', 3), c('D', 4)], quotas, 4);
    expect(p.map((x) => [x.unit, x.kind, x.voteNeededFor])).toEqual([
      ['A', 'certificate', 'Cờ thi đua'],
      ['B', 'certificate', 'Cờ thi đua'],
      ['C', 'certificate', ''],
      ['D', 'none', ''],
    ]);
    expect(p[0]!.reason).toBe(
      'Xếp hạng 1, xếp loại Xuất sắc: đồng hạng với B: 2 đơn vị cho 1 suất Cờ thi đua còn lại, ' +
        'cần bỏ phiếu bình xét chọn 1 đơn vị nhận Cờ thi đua; đơn vị không nhận Cờ thi đua được ' +
        'đề nghị tặng Bằng khen',
    );
    expect(p[2]!.reason).toBe('Xếp hạng 3, xếp loại Xuất sắc: đề nghị tặng Bằng khen');
    expect(p[3]!.reason).toBe('Xếp hạng 4, xếp loại Xuất sắc: ngoài chỉ tiêu Bằng khen (2 đơn vị)');
  });

  it('Đồng hạng ở suất Bằng khen cuối: các đơn vị đồng hạng được đưa ra bỏ phiếu bình xét', () => {
    const p = proposeAwards(
      [c('A', 1), c('B', 2), c('C', 3, 'Tốt'), c('D', 3, 'Tốt'), c('E', 5)],
      quotas,
      5,
    );
    expect(p.map((x) => x.kind)).toEqual(['flag', 'certificate', 'none', 'none', 'none']);
    expect(p[2]!.voteNeededFor).toBe('Bằng khen');
    expect(p[2]!.reason).toBe(
      'Xếp hạng 3, xếp loại Tốt: đồng hạng với D: 2 đơn vị cho 1 suất Bằng khen còn lại, ' +
        'cần bỏ phiếu bình xét',
    );
    expect(p[4]!.reason).toBe('Xếp hạng 5, xếp loại Xuất sắc: ngoài chỉ tiêu Bằng khen (2 đơn vị)');
  });

  it('a tie that fits within the quota: all proposed', () => {
    const p = proposeAwards([c('A', 1), c('B', 2), c('C', 2)], quotas, 3);
    expect(p.map((x) => x.kind)).toEqual(['flag', 'certificate', 'certificate']);
  });

  it('rank 1 below the required classification: no flag, goes on to Bằng khen', () => {
    const p = proposeAwards([c('A', 1, 'Tốt'), c('B', 2, 'Tốt'), c('C', 3, 'Khá')], quotas, 3);
    expect(p.map((x) => x.kind)).toEqual(['certificate', 'certificate', 'none']);
    expect(p[0]!.reason).toBe(
      'Xếp hạng 1, xếp loại Tốt: chưa đạt xếp loại Xuất sắc trở lên để đề nghị Cờ thi đua; đề nghị tặng Bằng khen',
    );
    expect(p[2]!.reason).toBe('Xếp hạng 3, xếp loại Khá: ngoài chỉ tiêu Bằng khen (2 đơn vị)');
  });

  // Issue 14, rule 3: an ineligible unit used to take a Bằng khen place; now D, below it, gets it.
  it('Suất được xét theo thứ tự xếp hạng trong các đơn vị đủ điều kiện; đơn vị không đủ điều kiện không chiếm suất', () => {
    const p = proposeAwards(
      [c('A', 1), c('B', 2, 'Khá'), c('C', 3, 'Khá'), c('D', 4, 'Tốt'), c('E', 5, 'Tốt')],
      quotas,
      5,
    );
    expect(p.map((x) => x.kind)).toEqual(['flag', 'none', 'none', 'certificate', 'certificate']);
    expect(p[1]!.reason).toBe(
      'Xếp hạng 2, xếp loại Khá: chưa đạt xếp loại Tốt trở lên để đề nghị Bằng khen',
    );
  });

  // Issue 14, rule 1: the flag's class used to be matched exactly.
  it('Xếp loại cần đạt là mức tối thiểu: "Tốt" nghĩa là Tốt trở lên', () => {
    const good = ProposalQuotasSchema.parse({
      flag: { requiredClassification: 'Tốt' },
      certificate: { count: 1, allowedClassifications: ['Tốt'] },
    });
    const p = proposeAwards([c('A', 1), c('B', 2, 'Khá'), c('C', 3)], good, 3);
    expect(p.map((x) => [x.unit, x.kind])).toEqual([
      ['A', 'flag'],
      ['B', 'none'],
      ['C', 'certificate'],
    ]);
    expect(p[0]!.reason).toBe('Xếp hạng 1, xếp loại Xuất sắc: đề nghị tặng Cờ thi đua');
  });

  it('Bằng khen by share of members, rounded down', () => {
    const byShare = ProposalQuotasSchema.parse({ certificate: { share: 0.29 } });
    expect(certificateQuota(byShare, 100)).toBe(29);
    expect(certificateQuota(byShare, 6)).toBe(1);
    expect(certificateQuota(ProposalQuotasSchema.parse({ certificate: {} }), 6)).toBe(0);
    const p = proposeAwards([c('A', 1), c('B', 2), c('C', 3)], byShare, 6);
    expect(p.map((x) => x.kind)).toEqual(['flag', 'certificate', 'none']);
    expect(p[2]!.reason).toBe('Xếp hạng 3, xếp loại Xuất sắc: ngoài chỉ tiêu Bằng khen (1 đơn vị)');
  });

  it('never exceeds a quota and ignores the input order of equal ranks', () => {
    const list = [c('A', 1), c('B', 1), c('C', 1), c('D', 4), c('E', 4), c('F', 6)];
    const p = proposeAwards(list, quotas, 6);
    const q = proposeAwards(list.slice().reverse(), quotas, 6);
    // Three tied for one flag and two Bằng khen: all three proposed for Bằng khen with a vote
    // for the flag, so that after the vote 1 + 2 places are used (issue 14, rule 4).
    expect(p.filter((x) => x.kind === 'flag')).toHaveLength(0);
    expect(p.filter((x) => x.kind === 'certificate').map((x) => x.unit)).toEqual(['A', 'B', 'C']);
    expect(p.filter((x) => x.voteNeededFor === 'Cờ thi đua')).toHaveLength(3);
    expect(new Map(q.map((x) => [x.unit, x.reason]))).toEqual(
      new Map(p.map((x) => [x.unit, x.reason])),
    );
  });
});
