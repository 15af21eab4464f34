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

  it('an incomplete unit is ranked with what it has, noted, and not proposed', () => {
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
    expect(hm.classificationNote).toBe('Xếp loại tạm tính: chưa có điểm tiêu chí 5');
    expect(hm.proposal).toBe('');
    expect(hm.reason).toBe(
      'Xếp hạng 4, xếp loại Khá: chưa có điểm tiêu chí 5, chưa xét đề nghị khen thưởng',
    );
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([['score-missing', 'H5']]);
    expect(r.toast).toContain('1 đơn vị chưa đủ điểm; 1 lỗi dữ liệu (xem Kiểm tra dữ liệu)');
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

  it('two units tied for the one flag: neither gets it, both get Bằng khen, a vote is needed', () => {
    const p = proposeAwards([c('A', 1), c('B', 1), c('C', 3), c('D', 4)], quotas, 4);
    expect(p.map((x) => [x.unit, x.kind, x.voteNeededFor])).toEqual([
      ['A', 'certificate', 'Cờ thi đua'],
      ['B', 'certificate', 'Cờ thi đua'],
      ['C', 'none', ''],
      ['D', 'none', ''],
    ]);
    expect(p[0]!.reason).toBe(
      'Xếp hạng 1, xếp loại Xuất sắc: đồng hạng với B: 2 đơn vị đồng hạng nhưng chỉ còn 1 suất ' +
        'Cờ thi đua, cần bỏ phiếu bình xét; đề nghị tặng Bằng khen',
    );
    expect(p[2]!.reason).toBe('Xếp hạng 3, xếp loại Xuất sắc: ngoài chỉ tiêu Bằng khen (2 đơn vị)');
  });

  it('a tie straddling the last Bằng khen place: none of the tied gets it', () => {
    const p = proposeAwards(
      [c('A', 1), c('B', 2), c('C', 3, 'Tốt'), c('D', 3, 'Tốt'), c('E', 5)],
      quotas,
      5,
    );
    expect(p.map((x) => x.kind)).toEqual(['flag', 'certificate', 'none', 'none', 'none']);
    expect(p[2]!.voteNeededFor).toBe('Bằng khen');
    expect(p[2]!.reason).toBe(
      'Xếp hạng 3, xếp loại Tốt: đồng hạng với D: 2 đơn vị đồng hạng nhưng chỉ còn 1 suất ' +
        'Bằng khen, cần bỏ phiếu bình xét',
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
      'Xếp hạng 1, xếp loại Tốt: chưa đạt xếp loại Xuất sắc để đề nghị Cờ thi đua; đề nghị tặng Bằng khen',
    );
    expect(p[2]!.reason).toBe('Xếp hạng 3, xếp loại Khá: ngoài chỉ tiêu Bằng khen (2 đơn vị)');
  });

  it('a classification outside the allowed ones uses a place but gets no Bằng khen', () => {
    const p = proposeAwards([c('A', 1), c('B', 2, 'Khá'), c('C', 3, 'Khá')], quotas, 3);
    expect(p.map((x) => x.kind)).toEqual(['flag', 'none', 'none']);
    expect(p[1]!.reason).toBe(
      'Xếp hạng 2, xếp loại Khá: xếp loại không thuộc diện đề nghị Bằng khen (Xuất sắc, Tốt)',
    );
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
    expect(p.filter((x) => x.kind === 'flag')).toHaveLength(0);
    expect(p.filter((x) => x.kind === 'certificate')).toHaveLength(0);
    expect(new Map(q.map((x) => [x.unit, x.reason]))).toEqual(
      new Map(p.map((x) => [x.unit, x.reason])),
    );
  });
});
