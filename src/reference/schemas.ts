// API shapes for reference data; the web app imports these so that API and UI agree.
import { z } from 'zod';

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const Labels = z.object({
  ar: z.string(),
  zh: z.string(),
  en: z.string(),
  fr: z.string(),
  ru: z.string(),
  es: z.string(),
});
export type Labels = z.infer<typeof Labels>;

export const M49Level = z.enum(['world', 'region', 'subregion', 'intermediate']);
export type M49Level = z.infer<typeof M49Level>;

export const M49Area = z.object({
  code: z.string().regex(/^\d{3}$/),
  level: M49Level,
  parentCode: z.string().nullable(),
  names: Labels,
});
export type M49Area = z.infer<typeof M49Area>;

export const Country = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  iso2: z.string().regex(/^[A-Z]{2}$/),
  numeric: z.string().regex(/^\d{3}$/),
  regionCode: z.string().nullable(),
  subregionCode: z.string().nullable(),
  intermediateRegionCode: z.string().nullable(),
  names: Labels,
});
export type Country = z.infer<typeof Country>;

export const Code = z.object({
  code: z.string(),
  labels: Labels,
  parentList: z.string().nullable(),
  parentCode: z.string().nullable(),
  sortOrder: z.number().int(),
  isDeprecated: z.boolean(),
});
export type Code = z.infer<typeof Code>;

export const CodeListSummary = z.object({
  name: z.string(),
  version: z.string(),
  labels: Labels,
  description: Labels.nullable(),
  codeCount: z.number().int(),
});
export type CodeListSummary = z.infer<typeof CodeListSummary>;

export const CodeList = CodeListSummary.omit({ codeCount: true }).extend({ codes: z.array(Code) });
export type CodeList = z.infer<typeof CodeList>;

export const CountryList = z.object({ data: z.array(Country) });
export const M49AreaList = z.object({ data: z.array(M49Area) });
export const CodeListIndex = z.object({ data: z.array(CodeListSummary) });
export const CodeListResponse = z.object({ data: CodeList });
