// The start page's answer: what the response looks like for everyone, and what waits for a signed-in person.
import { z } from 'zod';

export const CountryActivityCount = z.object({
  iso3: z.string().length(3),
  activities: z.number().int().nonnegative(),
  partners: z.number().int().nonnegative(),
});

export const ResponseTotals = z.object({
  activities: z.number().int().nonnegative(),
  partners: z.number().int().nonnegative(),
  countries: z.number().int().nonnegative(),
});

export const OwnActivity = z.object({
  id: z.uuid(),
  identifier: z.string(),
  title: z.string(),
  status: z.string(),
  plannedEnd: z.string().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
  isOverdue: z
    .boolean()
    .describe('Planned to end before today but still in the pipeline or being implemented'),
});

export const RecentChange = z.object({
  activityId: z.uuid(),
  title: z.string(),
  version: z.number().int(),
  change: z.enum(['created', 'updated', 'deleted']),
  changedAt: z.iso.datetime({ offset: true }),
  changedByName: z
    .string()
    .nullable()
    .describe('The person who made the change, when the reader may know who'),
  via: z.string(),
});

export const PendingTasks = z.object({
  breakGlassToAcknowledge: z
    .number()
    .int()
    .nonnegative()
    .describe('Emergency accesses to the organisation’s records that no administrator has acknowledged yet'),
  overdueActivities: z.number().int().nonnegative(),
  activitiesToClassify: z
    .number()
    .int()
    .nonnegative()
    .describe('The organisation’s activities imported without a counter-trafficking type'),
});

export const PersonalOverview = z.object({
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  activities: z.array(OwnActivity),
  activityCount: z.number().int().nonnegative(),
  tasks: PendingTasks,
  recentChanges: z.array(RecentChange),
});

export const Overview = z.object({
  totals: ResponseTotals,
  countries: z.array(CountryActivityCount),
  personal: PersonalOverview.nullable().describe('Null for visitors who are not signed in'),
});

export type Overview = z.infer<typeof Overview>;
export type PersonalOverview = z.infer<typeof PersonalOverview>;
