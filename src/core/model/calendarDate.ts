import { z } from 'zod';

/** A date on the calendar, free of time zones: what a decision or plan date means. */
export const CalendarDateSchema = z.object({
  year: z.number().int().min(1900).max(2200),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
});
export type CalendarDateValue = z.infer<typeof CalendarDateSchema>;
