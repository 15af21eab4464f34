import * as z from 'zod/mini';

/** One mark on a ballot for one nominee: đồng ý, không đồng ý, or left blank. */
export const BallotMarkSchema = z.enum(['yes', 'no', 'blank']);
export type BallotMark = z.infer<typeof BallotMarkSchema>;

/** One member unit's secret ballot (phiếu bầu) in a nomination vote (bình xét). */
export const BallotSchema = z.object({
  voter: z.string().check(z.minLength(1)),
  marks: z.array(z.object({ nominee: z.string().check(z.minLength(1)), mark: BallotMarkSchema })),
  /** A spoiled ballot (phiếu không hợp lệ) counts as cast but not as valid. */
  spoiled: z._default(z.boolean(), false),
});
export type Ballot = z.infer<typeof BallotSchema>;
