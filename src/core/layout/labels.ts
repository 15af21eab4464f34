import type { BallotMark } from '../model/ballot';
import type { TargetFormula } from '../model/criteria';

/** Vietnamese words users pick in dropdowns, and what they mean. */

export const YES_LABEL = 'Có';
export const NO_LABEL = 'Không';
export const YES_NO_LABELS: readonly string[] = [YES_LABEL, NO_LABEL];

export const BALLOT_MARK_LABELS: Record<Exclude<BallotMark, 'blank'>, string> = {
  yes: 'Đồng ý',
  no: 'Không đồng ý',
};

/** Marks a ballot as spoiled (phiếu không hợp lệ). */
export const SPOILED_LABEL = 'Không hợp lệ';

/** Target formula kinds, as picked in the criteria sheet; parameters sit in their own columns. */
export const TARGET_FORMULA_LABELS: Record<TargetFormula['kind'], string> = {
  proportional: 'Tỷ lệ thuận',
  proportionalWithExtra: 'Tỷ lệ thuận, cộng điểm vượt',
  leaderRelative: 'So với đơn vị dẫn đầu',
};

/** Parts of a target-based criterion in the score matrices. */
export const TARGET_PART_LABELS = { target: 'Chỉ tiêu', actual: 'Thực hiện' } as const;
export type TargetPart = keyof typeof TARGET_PART_LABELS;

/** Label of the max-points row in the score matrices. */
export const MAX_POINTS_ROW_LABEL = 'Điểm tối đa';
