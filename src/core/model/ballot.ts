import { z } from 'zod';

/** One mark on a ballot for one nominee: đồng ý, không đồng ý, or left blank. */
export const BallotMarkSchema = z.enum(['yes', 'no', 'blank']);
export type BallotMark = z.infer<typeof BallotMarkSchema>;

/** One member unit's secret ballot (phiếu bầu) in a nomination vote (bình xét). */
export const BallotSchema = z.object({
  voter: z.string().min(1),
  marks: z.array(z.object({ nominee: z.string().min(1), mark: BallotMarkSchema })),
  /** A spoiled ballot (phiếu không hợp lệ) counts as cast but not as valid. */
  spoiled: z.boolean().default(false),
});
export type Ballot = z.infer<typeof BallotSchema>;
