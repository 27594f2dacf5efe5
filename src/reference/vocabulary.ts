// Zod validators for the shared vocabulary, built from the code list data so that only known codes pass.
import isoCountries from 'i18n-iso-countries';
import { z } from 'zod';
import { type CodeListName, getCodeListFile } from './code-list-data.js';
import { isKnownM49Area } from './m49.js';

export { CODE_LIST_NAMES, type CodeListName, isCodeListName } from './code-list-data.js';

export type CodeParent = { list: CodeListName; code: string };

/** The codes of a list, in their display order. */
export function codesOf(listName: CodeListName): readonly string[] {
  return getCodeListFile(listName).codes.map((entry) => entry.code);
}

/** The code a code belongs to in another list (an activity type's pillar), or null when it has none. */
export function parentOf(listName: CodeListName, code: string): CodeParent | null {
  const entry = getCodeListFile(listName).codes.find((candidate) => candidate.code === code);
  return entry?.parent ?? null;
}

/** A zod enum of one list's codes; its description points API readers at the labels. */
function codeEnum(listName: CodeListName) {
  const [first, ...rest] = codesOf(listName);
  if (first === undefined) throw new Error(`code list ${listName} has no codes`);
  return z
    .enum([first, ...rest])
    .describe(`A code of the ${listName} list; labels at /api/v1/reference/code-lists/${listName}`);
}

export const Pillar = codeEnum('pillar');
export type Pillar = z.infer<typeof Pillar>;
export const ChainStage = codeEnum('chain_stage');
export type ChainStage = z.infer<typeof ChainStage>;
export const CountryRole = codeEnum('country_role');
export type CountryRole = z.infer<typeof CountryRole>;
export const FormOfExploitation = codeEnum('form_of_exploitation');
export type FormOfExploitation = z.infer<typeof FormOfExploitation>;
export const ForcedLabourSector = codeEnum('forced_labour_sector');
export type ForcedLabourSector = z.infer<typeof ForcedLabourSector>;
export const TargetGroup = codeEnum('target_group');
export type TargetGroup = z.infer<typeof TargetGroup>;
export const ActorType = codeEnum('actor_type');
export type ActorType = z.infer<typeof ActorType>;
export const ActivityType = codeEnum('activity_type');
export type ActivityType = z.infer<typeof ActivityType>;
export const RootCause = codeEnum('root_cause');
export type RootCause = z.infer<typeof RootCause>;
export const RecruitmentChannel = codeEnum('recruitment_channel');
export type RecruitmentChannel = z.infer<typeof RecruitmentChannel>;
export const MeansOfControl = codeEnum('means_of_control');
export type MeansOfControl = z.infer<typeof MeansOfControl>;
export const Sex = codeEnum('sex');
export type Sex = z.infer<typeof Sex>;
export const AgeGroup = codeEnum('age_group');
export type AgeGroup = z.infer<typeof AgeGroup>;
export const IatiActivityStatus = codeEnum('iati_activity_status');
export type IatiActivityStatus = z.infer<typeof IatiActivityStatus>;
export const IatiOrganisationRole = codeEnum('iati_organisation_role');
export type IatiOrganisationRole = z.infer<typeof IatiOrganisationRole>;
export const GenderMarker = codeEnum('gender_marker');
export type GenderMarker = z.infer<typeof GenderMarker>;
export const ServiceCategory = codeEnum('service_category');
export type ServiceCategory = z.infer<typeof ServiceCategory>;
export const CommitmentCode = codeEnum('commitment_code');
export type CommitmentCode = z.infer<typeof CommitmentCode>;
export const BusinessSector = codeEnum('business_sector');
export type BusinessSector = z.infer<typeof BusinessSector>;

const KNOWN_ISO3 = new Set(Object.keys(isoCountries.getAlpha3Codes()));

/** True for an alpha-3 code the maintained country package knows (ISO 3166-1, plus XKK for Kosovo). */
export function isKnownIso3(code: string): boolean {
  return KNOWN_ISO3.has(code);
}

export const Iso3 = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use an ISO 3166-1 alpha-3 code in capitals, for example "KEN"')
  .refine(isKnownIso3, 'Not a known ISO 3166-1 alpha-3 code; see /api/v1/reference/countries')
  .describe('ISO 3166-1 alpha-3 country code');
export type Iso3 = z.infer<typeof Iso3>;

export { isKnownM49Area } from './m49.js';

export const M49Code = z
  .string()
  .regex(/^\d{3}$/, 'Use a three-digit UN M49 code, for example "002" for Africa')
  .refine(isKnownM49Area, 'Not a UN M49 area; see /api/v1/reference/regions')
  .describe('UN M49 area code: the world, a region, a sub-region or an intermediate region');
export type M49Code = z.infer<typeof M49Code>;
