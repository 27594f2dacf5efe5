// The shapes of the country report: what is gathered for one country, as the API answers it in JSON.
import { z } from 'zod';
import { Finding } from '../coverage/index.js';
import { IsoDate } from '../platform/fields.js';
import { ActivityType, ActorType, IatiActivityStatus, Language, Pillar } from '../reference/index.js';

const Count = z.number().int().nonnegative();

/** How far one plan of action has come, as its monitoring counts it on the day of the report. */
export const CountryPlanProgress = z.object({
  title: z.string().describe('The plan’s title, in the language it was written in'),
  measures: z.object({
    total: Count,
    completed: Count,
    overdue: Count.describe('Past their deadline and not completed'),
  }),
  indicators: z.object({
    onTrack: Count,
    atRisk: Count,
    offTrack: Count,
    noData: Count.describe('No progress reported for the latest period'),
  }),
});
export type CountryPlanProgress = z.infer<typeof CountryPlanProgress>;

export const CountryReportPartner = z.object({
  id: z.uuid(),
  name: z.string().describe('In the report’s language where the organisation gave one'),
  acronym: z.string().nullable(),
  actorType: ActorType,
  leads: Count.describe('Activities in the country it leads'),
  takesPart: Count.describe('Activities in the country it implements with others'),
  declaresCountry: z.boolean().describe('The organisation names the country among those it works in'),
});

export const CountryReportActivity = z.object({
  id: z.uuid(),
  title: z.string().describe('In the report’s language where the publisher gave one'),
  activityType: ActivityType.nullable(),
  status: IatiActivityStatus,
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  leadOrganisation: z.object({ id: z.uuid(), name: z.string() }),
  isPublished: z.boolean(),
});

export const PillarActivities = z.object({
  pillar: Pillar.nullable().describe('Null: activities awaiting a counter-trafficking classification'),
  total: Count,
  shown: z.array(CountryReportActivity).describe('The most recent few, by start'),
});

const FindingsOfKind = z.object({
  total: Count,
  shown: z.array(Finding).describe('The most severe few'),
});

const PublishedValue = z.object({
  lower: z.number(),
  upper: z.number().nullable().describe('Null when the published value has no upper bound'),
  text: z.string().describe('As published, for example "<5"'),
  isCensored: z.boolean(),
});

export const CountryFigure = z.object({
  measure: z.enum(['detected_victims', 'prosecuted', 'convicted']),
  indicator: z.string().describe('The indicator as the publisher names it'),
  unit: z.string(),
  year: z.number().int(),
  release: z.object({
    id: z.uuid(),
    label: z.string(),
    publisher: z.string(),
    publishedOn: IsoDate.nullable(),
    isSynthetic: z.boolean().describe('Invented figures (the demo), never a publisher’s'),
  }),
  total: PublishedValue.nullable(),
  cells: z
    .array(
      z.object({
        sex: z.string(),
        age: z.string(),
        sexCode: z.string().nullable(),
        ageCode: z.string().nullable(),
        value: PublishedValue,
      }),
    )
    .describe('By sex, by age and by both, as published ("Total" where a figure is not broken down)'),
});
export type CountryFigure = z.infer<typeof CountryFigure>;

export const CountryReport = z.object({
  iso3: z.string().length(3),
  lang: Language,
  today: IsoDate,
  country: z.object({
    name: z.string(),
    region: z.string().nullable().describe('UN M49 region'),
    subregion: z.string().nullable().describe('UN M49 sub-region'),
  }),
  partners: z.object({ total: Count, shown: z.array(CountryReportPartner) }),
  activities: z.object({ total: Count, byPillar: z.array(PillarActivities) }),
  findings: z.object({ gaps: FindingsOfKind, overlaps: FindingsOfKind }),
  statistics: z.array(CountryFigure).describe('The latest figure of each measure the country has'),
  plans: z.array(CountryPlanProgress),
});
export type CountryReport = z.infer<typeof CountryReport>;

export const CountryReportParams = z
  .object({
    iso3: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'Use an ISO 3166-1 alpha-3 code, for example "KEN"')
      .transform((code) => code.toUpperCase()),
  })
  .strict();

export const CountryReportQuery = z
  .object({
    lang: Language.default('en').describe('The language of the labels and names'),
    format: z.enum(['html', 'json']).default('html').describe('A printable page, or the gathered data'),
  })
  .strict();
