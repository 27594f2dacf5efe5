// API shapes of the knowledge library: an item as written (with its legislation or case-law particulars)
// and as read, with its attachments, its versions in other languages and what the reader may do next.
import { z } from 'zod';
import { Int, IsoDate, PlainText, Text } from '../platform/fields.js';
import {
  AgeGroup,
  ForcedLabourSector,
  FormOfExploitation,
  Iso3,
  Pillar,
  Sex,
  TargetGroup,
} from '../reference/vocabulary.js';
import { CASE_OUTCOMES, PALERMO_ACTS, PALERMO_MEANS } from './engine/case-law.js';
import { KNOWLEDGE_STATUSES, KNOWLEDGE_TYPES } from './engine/review-flow.js';
import { KNOWLEDGE_LANGUAGES } from './text/languages.js';

export const KnowledgeType = z
  .enum(KNOWLEDGE_TYPES)
  .describe('good_practice, lesson_learned, legislation, case_law, research, training_material or guideline');
export const KnowledgeStatus = z.enum(KNOWLEDGE_STATUSES);
export const KnowledgeLanguage = z
  .enum(KNOWLEDGE_LANGUAGES)
  .describe('One of the six UN languages: ar, zh, en, fr, ru, es');

const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, 'Name each value once')
    .default([]);

/** A number of persons sharing sex, age group and nationality: case law counts people, never names them. */
export const PersonCount = z
  .object({
    sex: Sex,
    ageGroup: AgeGroup,
    nationality: Iso3.nullable().default(null).describe('Nationality, or null when not known'),
    count: Int({ min: 1, max: 100_000 }),
  })
  .strict();

export const LegislationDetails = z
  .object({
    country: Iso3.describe('The country whose law it is'),
    instrument: PlainText(300).describe('The act, code or decree, as it is cited'),
    articles: distinct(PlainText(60), 100).describe('The articles on trafficking, as cited: "Art. 3"'),
  })
  .strict();

export const CaseLawDetails = z
  .object({
    court: PlainText(300).describe('The court, by its name and seat'),
    decisionDate: IsoDate,
    jurisdiction: Iso3,
    charges: distinct(PlainText(200), 30).describe('The offences charged, as the court names them'),
    outcome: z.enum(CASE_OUTCOMES),
    acts: distinct(z.enum(PALERMO_ACTS), PALERMO_ACTS.length),
    means: distinct(z.enum(PALERMO_MEANS), PALERMO_MEANS.length),
    purposes: distinct(FormOfExploitation, 20).describe('The forms of exploitation the court found'),
    sectors: distinct(ForcedLabourSector, 20),
    victims: z.array(PersonCount).max(200).default([]),
    defendants: z.array(PersonCount).max(200).default([]),
  })
  .strict();
export type CaseLawDetails = z.infer<typeof CaseLawDetails>;

export const itemFields = {
  type: KnowledgeType,
  language: KnowledgeLanguage.describe('The language this version is written in'),
  title: PlainText(300),
  summary: Text(4000).default(''),
  body: Text(200_000).default(''),
  year: Int({ min: 1800, max: 2200 }).nullable().default(null).describe('The year of the work'),
  countries: distinct(Iso3, 250),
  pillars: distinct(Pillar, 4),
  forms: distinct(FormOfExploitation, 20).describe('Forms of exploitation the item is about'),
  targetGroups: distinct(TargetGroup, 30),
  legislation: LegislationDetails.nullable().default(null),
  caseLaw: CaseLawDetails.nullable().default(null),
};

type Particulars = {
  type: string;
  legislation: unknown;
  caseLaw: unknown;
};

/** Legislation carries its particulars, case law its own, every other type neither. */
export function checkParticulars(item: Particulars, context: z.RefinementCtx) {
  const wanted = { legislation: 'legislation', case_law: 'caseLaw' } as Record<string, string>;
  for (const field of ['legislation', 'caseLaw'] as const) {
    const isWanted = wanted[item.type] === field;
    if (isWanted && item[field] === null)
      context.addIssue({
        code: 'custom',
        path: [field],
        message: `A ${item.type.replace('_', ' ')} item needs its ${field === 'caseLaw' ? 'case-law' : 'legislation'} particulars`,
      });
    if (!isWanted && item[field] !== null)
      context.addIssue({
        code: 'custom',
        path: [field],
        message: `Only a ${field === 'caseLaw' ? 'case_law' : 'legislation'} item has these particulars; remove them or change the type`,
      });
  }
}

export const ItemRequest = z
  .object({
    ...itemFields,
    organisationId: z.uuid().describe('The authoring organisation; its editors write the drafts'),
    translationOf: z
      .uuid()
      .nullable()
      .default(null)
      .describe('An item this one translates: both then belong to one translation group'),
  })
  .strict()
  .superRefine(checkParticulars);
export type ItemRequest = z.input<typeof ItemRequest>;
export type NewItem = z.infer<typeof ItemRequest>;

export const ItemChange = z
  .object({
    ...itemFields,
    version: Int({ min: 1 }).describe('The version read; an item changed since answers 409'),
  })
  .strict()
  .superRefine(checkParticulars);
export type ItemChange = z.infer<typeof ItemChange>;

/** The fields an item's text and tags are made of, whether new or changed. */
export type ItemContent = Omit<NewItem, 'organisationId' | 'translationOf'>;

export const MoveRequest = z
  .object({ version: Int({ min: 1 }).describe('The version read; an item changed since answers 409') })
  .strict();

export const IdParams = z.object({ id: z.uuid() }).strict();
export const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() }).strict();

/** A query-string flag: `true` or `false`. */
const QueryFlag = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean(),
);

export const ReadQuery = z
  .object({
    lang: KnowledgeLanguage.optional().describe(
      'The reader’s language: the version in it is answered when there is one (else Accept-Language decides)',
    ),
    exact: QueryFlag.default(false).describe(
      'true: answer exactly this item, in its own language, whatever the reader’s language (a link to one language version); requestedLanguageAvailable then says whether the item has a version in the reader’s language',
    ),
  })
  .strict();

export const AttachmentView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  createdAt: z.string(),
});

export const TranslationRef = z.object({
  id: z.uuid(),
  language: KnowledgeLanguage,
  title: z.string(),
  status: KnowledgeStatus,
});

export const ItemActions = z.object({
  edit: z.boolean(),
  attach: z.boolean(),
  review: z.boolean(),
  publish: z.boolean(),
  returnToDraft: z.boolean(),
  translate: z.boolean(),
});

export const ItemView = z.object({
  id: z.uuid(),
  translationGroup: z.uuid(),
  type: KnowledgeType,
  language: KnowledgeLanguage,
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int().nullable(),
  countries: z.array(z.string()),
  pillars: z.array(z.string()),
  forms: z.array(z.string()),
  targetGroups: z.array(z.string()),
  legislation: LegislationDetails.nullable(),
  caseLaw: CaseLawDetails.nullable(),
  status: KnowledgeStatus,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  attachments: z.array(AttachmentView),
  translations: z
    .array(TranslationRef)
    .describe('The versions of this item in other languages that the reader may see'),
  requestedLanguageAvailable: z
    .boolean()
    .describe(
      'False when no version is in the reader’s language: this one is the one asked for by id (as it always is with exact=true)',
    ),
  can: ItemActions,
});
export type ItemView = z.infer<typeof ItemView>;
