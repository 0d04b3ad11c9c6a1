import { z } from 'zod';

/** How far a deadline lies from the day it is counted from (see "Counting time" in the README). */
export const PeriodSchema = z.discriminatedUnion('unit', [
  z.strictObject({
    /** Monday to Friday, not a bank holiday of the provider's nation. */
    unit: z.literal('working-days'),
    count: z.number().int().positive(),
  }),
  z.strictObject({
    /** Plain calendar days: not moved off weekends or holidays. */
    unit: z.literal('calendar-days'),
    count: z.number().int().positive(),
  }),
  z.strictObject({
    /** Calendar weeks of seven days. */
    unit: z.literal('weeks'),
    count: z.number().int().positive(),
  }),
]);
export type Period = z.output<typeof PeriodSchema>;

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
/** A UK nation whose bank holidays decide which days are working days. */
export const NationSchema = z.enum(NATIONS);
export type Nation = z.output<typeof NationSchema>;

/** A Europe/London calendar date written `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date();
export type IsoDate = string;
