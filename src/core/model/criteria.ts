import * as z from 'zod/mini';

/**
 * How a criterion (tiêu chí) turns what a unit entered into points.
 * - scored: 0..maxPoints as entered
 * - passFail: maxPoints when passed (Đạt), else 0
 * - perOccurrence: occurrences × pointsPerOccurrence, capped at maxPoints
 * - target (định lượng): from the unit's actual result against its own target, by `targetFormula`
 * - bonus (điểm thưởng): points claimed, capped at maxPoints, added
 * - penalty (điểm trừ): points deducted, capped at maxPoints, subtracted
 */
export const CriterionTypeSchema = z.enum([
  'scored',
  'passFail',
  'perOccurrence',
  'target',
  'bonus',
  'penalty',
]);
export type CriterionType = z.infer<typeof CriterionTypeSchema>;

export const CRITERION_TYPE_LABELS: Record<CriterionType, string> = {
  scored: 'Chấm điểm',
  passFail: 'Đạt / Không đạt',
  perOccurrence: 'Theo lần',
  target: 'Định lượng',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
};

/**
 * Target-based scoring formulas. With ratio = actual / target:
 * - proportional: maxPoints × min(ratio, 1)
 * - proportionalWithExtra: as proportional, plus `extraPerPercent` points for each full percent
 *   above the target, the extra capped at `extraCap` (points above maxPoints are allowed up to it)
 * - leaderRelative: maxPoints × ratio / best ratio among the units scored (the leader gets max)
 */
export const TargetFormulaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('proportional') }),
  z.object({
    kind: z.literal('proportionalWithExtra'),
    extraPerPercent: z.number().check(z.gte(0)),
    extraCap: z.number().check(z.gte(0)),
  }),
  z.object({ kind: z.literal('leaderRelative') }),
]);
export type TargetFormula = z.infer<typeof TargetFormulaSchema>;

export const CriterionGroupSchema = z.object({
  /** e.g. "I", "II" */
  code: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** The group's maximum; the scored criteria under it should add up to it. */
  maxPoints: z.number().check(z.gte(0)),
});
export type CriterionGroup = z.infer<typeof CriterionGroupSchema>;

export const CriterionSchema = z.object({
  /** e.g. "1", "I.1", "I.1.a" */
  code: z.string().check(z.minLength(1)),
  group: z.string().check(z.minLength(1)),
  /** Set for a sub-criterion: the code of the criterion its points sum into. */
  parent: z.optional(z.string()),
  text: z.string().check(z.minLength(1)),
  type: CriterionTypeSchema,
  /** Maximum points, or the cap for perOccurrence, bonus and penalty. */
  maxPoints: z.number().check(z.gte(0)),
  pointsPerOccurrence: z.optional(z.number().check(z.gte(0))),
  targetFormula: z.optional(TargetFormulaSchema),
  evidenceRequired: z._default(z.boolean(), false),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const CriteriaTreeSchema = z.object({
  groups: z.array(CriterionGroupSchema),
  criteria: z.array(CriterionSchema),
});
export type CriteriaTree = z.infer<typeof CriteriaTreeSchema>;
