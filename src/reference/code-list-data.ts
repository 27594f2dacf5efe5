// The shared code lists as shipped in data/code-lists/*.json, checked against their file shape at import.
import { z } from 'zod';
import activityType from './data/code-lists/activity_type.json' with { type: 'json' };
import actorType from './data/code-lists/actor_type.json' with { type: 'json' };
import ageGroup from './data/code-lists/age_group.json' with { type: 'json' };
import businessSector from './data/code-lists/business_sector.json' with { type: 'json' };
import chainStage from './data/code-lists/chain_stage.json' with { type: 'json' };
import commitmentCode from './data/code-lists/commitment_code.json' with { type: 'json' };
import countryRole from './data/code-lists/country_role.json' with { type: 'json' };
import forcedLabourSector from './data/code-lists/forced_labour_sector.json' with { type: 'json' };
import formOfExploitation from './data/code-lists/form_of_exploitation.json' with { type: 'json' };
import genderMarker from './data/code-lists/gender_marker.json' with { type: 'json' };
import iatiActivityStatus from './data/code-lists/iati_activity_status.json' with { type: 'json' };
import iatiOrganisationRole from './data/code-lists/iati_organisation_role.json' with { type: 'json' };
import meansOfControl from './data/code-lists/means_of_control.json' with { type: 'json' };
import pillar from './data/code-lists/pillar.json' with { type: 'json' };
import recruitmentChannel from './data/code-lists/recruitment_channel.json' with { type: 'json' };
import rootCause from './data/code-lists/root_cause.json' with { type: 'json' };
import serviceCategory from './data/code-lists/service_category.json' with { type: 'json' };
import sex from './data/code-lists/sex.json' with { type: 'json' };
import targetGroup from './data/code-lists/target_group.json' with { type: 'json' };
import { type CodeList, LANGUAGES, Labels } from './schemas.js';

/** The names of the code lists, in the order people meet them (pillars first, IATI last). */
export const CODE_LIST_NAMES = [
  'pillar',
  'chain_stage',
  'country_role',
  'form_of_exploitation',
  'forced_labour_sector',
  'target_group',
  'actor_type',
  'activity_type',
  'root_cause',
  'recruitment_channel',
  'means_of_control',
  'sex',
  'age_group',
  'iati_activity_status',
  'iati_organisation_role',
  'gender_marker',
  'service_category',
  'commitment_code',
  'business_sector',
] as const;
export type CodeListName = (typeof CODE_LIST_NAMES)[number];

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Practitioners read these labels in every UN language, so none may be left blank. */
const FilledLabels = Labels.refine((labels) => LANGUAGES.every((lang) => labels[lang].trim() !== ''), {
  message: 'every one of ar, zh, en, fr, ru, es needs a label',
});

/** One code list data file; a bad file fails at start-up rather than in a user's request. */
export const CodeListFile = z.object({
  name: z.enum(CODE_LIST_NAMES),
  version: z.string().regex(/^\d{4}\.\d+$/),
  labels: FilledLabels,
  description: FilledLabels,
  codes: z
    .array(
      z.object({
        code: z.string().regex(SNAKE_CASE),
        labels: FilledLabels,
        parent: z.object({ list: z.enum(CODE_LIST_NAMES), code: z.string() }).optional(),
      }),
    )
    .min(1),
});
export type CodeListFile = z.infer<typeof CodeListFile>;

const FILES: Record<CodeListName, unknown> = {
  pillar,
  chain_stage: chainStage,
  country_role: countryRole,
  form_of_exploitation: formOfExploitation,
  forced_labour_sector: forcedLabourSector,
  target_group: targetGroup,
  actor_type: actorType,
  activity_type: activityType,
  root_cause: rootCause,
  recruitment_channel: recruitmentChannel,
  means_of_control: meansOfControl,
  sex,
  age_group: ageGroup,
  iati_activity_status: iatiActivityStatus,
  iati_organisation_role: iatiOrganisationRole,
  gender_marker: genderMarker,
  service_category: serviceCategory,
  commitment_code: commitmentCode,
  business_sector: businessSector,
};

function parseFile(name: CodeListName): CodeListFile {
  const file = CodeListFile.parse(FILES[name]);
  if (file.name !== name) throw new Error(`code list file ${name}.json names itself "${file.name}"`);
  return file;
}

/** Every code list, in CODE_LIST_NAMES order. */
export const CODE_LISTS: readonly CodeListFile[] = CODE_LIST_NAMES.map(parseFile);

export function isCodeListName(name: string): name is CodeListName {
  return (CODE_LIST_NAMES as readonly string[]).includes(name);
}

export function getCodeListFile(name: CodeListName): CodeListFile {
  const file = CODE_LISTS.find((list) => list.name === name);
  if (!file) throw new Error(`code list ${name} is not loaded`);
  return file;
}

/** A data file in the API's shape, as the database would return it after seeding. */
export function codeListFromFile(file: CodeListFile): CodeList {
  return {
    name: file.name,
    version: file.version,
    labels: file.labels,
    description: file.description,
    codes: file.codes.map((entry, index) => ({
      code: entry.code,
      labels: entry.labels,
      parentList: entry.parent?.list ?? null,
      parentCode: entry.parent?.code ?? null,
      sortOrder: index + 1,
      isDeprecated: false,
    })),
  };
}
