import * as z from 'zod/mini';

/** Where a score comes from: the unit itself, the verifier, or another member (chấm chéo). */
export const ScoreSourceSchema = z.enum(['self', 'verified', 'cross']);
export type ScoreSource = z.infer<typeof ScoreSourceSchema>;

/** For target-based criteria the unit enters its own target (chỉ tiêu) and actual result. */
export const TargetResultSchema = z.object({
  target: z.number(),
  actual: z.number(),
});
export type TargetResult = z.infer<typeof TargetResultSchema>;

/**
 * What was entered for one unit and criterion, already parsed:
 * a number (points, occurrences, bonus or penalty points), a pass/fail mark, or target and actual.
 */
export const ScoreValueSchema = z.union([z.number(), z.boolean(), TargetResultSchema]);
export type ScoreValue = z.infer<typeof ScoreValueSchema>;

export const ScoreEntrySchema = z.object({
  unit: z.string().check(z.minLength(1)),
  criterion: z.string().check(z.minLength(1)),
  source: ScoreSourceSchema,
  /** The scoring unit's code, for cross scores. */
  scorer: z.optional(z.string()),
  value: ScoreValueSchema,
  /** Where it was read from, so later findings can point at the sheet and cell. */
  at: z.optional(z.object({ sheet: z.string(), cell: z.string() })),
});
export type ScoreEntry = z.infer<typeof ScoreEntrySchema>;
