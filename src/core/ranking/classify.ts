/**
 * Classification (xếp loại) by bands of the share of the maximum total: by default Xuất sắc
 * ≥ 95 %, Tốt ≥ 85 %, Khá ≥ 70 %, else Trung bình. Bands may be given in any order.
 */
import type { ClassificationBand, ClusterSettings } from '../model/settings';
import { quantize, toHundredths } from '../scoring/criterionPoints';
import type { UnitScore } from '../scoring/computeScores';

export interface Classification {
  readonly label: string;
  /** total / maxTotal; 0 when the maximum is 0. May exceed 1 with extra points. */
  readonly share: number;
  /** 0 for the highest band, bands.length for the fallback: lower is better. */
  readonly level: number;
  /** Set for an incomplete unit: its classification is provisional. */
  readonly note: string;
}

type BandSettings = Pick<ClusterSettings, 'classificationBands' | 'fallbackClassification'>;

/** Highest threshold first; equal thresholds keep their given order (the first one wins). */
export function sortedBands(bands: readonly ClassificationBand[]): ClassificationBand[] {
  return bands.slice().sort((a, b) => b.minShare - a.minShare);
}

export function shareOf(total: number, maxTotal: number): number {
  return maxTotal > 0 && Number.isFinite(total) ? total / maxTotal : 0;
}

/**
 * The band reached by a share. Shares are compared at a fixed precision, so 94.99999999999999 %
 * from floating-point sums still reaches a 95 % band.
 */
export function classifyShare(
  share: number,
  settings: BandSettings,
): { readonly label: string; readonly level: number } {
  const bands = sortedBands(settings.classificationBands);
  const q = quantize(share);
  const level = bands.findIndex((band) => q >= quantize(band.minShare));
  const band = bands[level];
  if (band) return { label: band.label, level };
  return { label: settings.fallbackClassification, level: bands.length };
}

/** Band edges are compared in millionths of the maximum: 87,5 % is 875000. */
const SHARE_SCALE = 1e6;

/**
 * The band reached by a total, compared exactly (issue 14, rule 9): totals are whole hundredths,
 * so total ≥ minShare × maxTotal is an integer comparison, and 94,99999999999999 % cannot occur.
 */
export function classifyTotal(
  total: number,
  maxTotal: number,
  settings: BandSettings,
): { readonly label: string; readonly level: number } {
  const maxH = toHundredths(maxTotal);
  if (!(maxH > 0) || !Number.isFinite(total)) return classifyShare(0, settings);
  const totalH = toHundredths(total);
  const bands = sortedBands(settings.classificationBands);
  const level = bands.findIndex(
    (band) => totalH * SHARE_SCALE >= Math.round(band.minShare * SHARE_SCALE) * maxH,
  );
  const band = bands[level];
  if (band) return { label: band.label, level };
  return { label: settings.fallbackClassification, level: bands.length };
}

export function classify(total: number, maxTotal: number, settings: BandSettings): Classification {
  const share = shareOf(total, maxTotal);
  const { label, level } = classifyTotal(total, maxTotal, settings);
  return { label, share, level, note: '' };
}

/** Classification of a unit; an incomplete unit's is provisional and says which scores it lacks. */
export function classifyUnit(score: UnitScore, settings: BandSettings): Classification {
  const c = classify(score.total, score.maxTotal, settings);
  if (score.complete) return c;
  return { ...c, note: `Xếp loại tạm tính: chưa có điểm tiêu chí ${score.missing.join(', ')}` };
}
