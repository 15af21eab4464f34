import * as z from 'zod/mini';

/** A date on the calendar, free of time zones: what a decision or plan date means. */
export const CalendarDateSchema = z.object({
  year: z.int().check(z.gte(1900), z.lte(2200)),
  month: z.int().check(z.gte(1), z.lte(12)),
  day: z.int().check(z.gte(1), z.lte(31)),
});
export type CalendarDateValue = z.infer<typeof CalendarDateSchema>;
