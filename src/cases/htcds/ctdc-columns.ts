// The de-identified microdata row in the layout of the CTDC global dataset: no case code, no date finer than
// the year of registration, ages only as broad bands, yes/no flags for means of control, forms of
// exploitation and the recruiter's relation. Flags are 1 or 0; a flag group with nothing recorded is left
// empty except its "not specified" / "unknown" flag, so that absence of data is not read as a "no".
import type { ExportCase } from './export-case.js';
import { majorityStatus } from './export-case.js';
import { toAlpha2 } from './mapping.js';

type Row = Record<string, string | number>;

/** Our means of control → the CTDC flag suffix (meansOfControl<Suffix>). */
const MEANS_FLAGS: Record<string, string> = {
  debt_bondage: 'DebtBondage',
  withheld_wages: 'TakesEarnings',
  threats: 'Threats',
  psychological_abuse: 'PsychologicalAbuse',
  violence: 'PhysicalAbuse',
  substance_dependence: 'PsychoactiveSubstances',
  restricted_movement: 'RestrictsMovement',
  document_confiscation: 'WithholdsDocuments',
  isolation: 'Other',
};
const MEANS_COLUMNS = [
  'DebtBondage',
  'TakesEarnings',
  'Threats',
  'PsychologicalAbuse',
  'PhysicalAbuse',
  'PsychoactiveSubstances',
  'RestrictsMovement',
  'WithholdsDocuments',
  'Other',
  'NotSpecified',
].map((suffix) => `meansOfControl${suffix}`);

/** Our forms of exploitation → the CTDC flags they set. */
const EXPLOIT_FLAGS: Record<string, readonly string[]> = {
  sexual_exploitation: ['isSexualExploit'],
  forced_labour: ['isForcedLabour'],
  domestic_servitude: ['isForcedLabour', 'typeOfLabourDomesticWork'],
  forced_marriage: ['isForcedMarriage'],
  forced_criminality: ['isForcedLabour', 'typeOfLabourIllicitActivities'],
  forced_begging: ['isForcedLabour', 'typeOfLabourBegging'],
  organ_removal: ['isOrganRemoval'],
  illegal_adoption: ['isOtherExploit'],
  child_soldiering: ['isForcedMilitary'],
  mixed: ['isSexAndLabour'],
  other: ['isOtherExploit'],
};
const EXPLOIT_COLUMNS = [
  'isForcedLabour',
  'isSexualExploit',
  'isOtherExploit',
  'isSexAndLabour',
  'isForcedMarriage',
  'isForcedMilitary',
  'isOrganRemoval',
];

/** Our forced labour sector → the CTDC typeOfLabour flag. */
const LABOUR_FLAGS: Record<string, string> = {
  agriculture: 'typeOfLabourAgriculture',
  fishing: 'typeOfLabourAquafarming',
  construction: 'typeOfLabourConstruction',
  domestic_work: 'typeOfLabourDomesticWork',
  hospitality: 'typeOfLabourHospitality',
  manufacturing: 'typeOfLabourManufacturing',
  textiles_garments: 'typeOfLabourManufacturing',
  mining: 'typeOfLabourMiningOrDrilling',
  care_work: 'typeOfLabourOther',
  entertainment: 'typeOfLabourOther',
  other_sector: 'typeOfLabourOther',
};
const LABOUR_COLUMNS = [
  'Agriculture',
  'Aquafarming',
  'Begging',
  'Construction',
  'DomesticWork',
  'Hospitality',
  'IllicitActivities',
  'Manufacturing',
  'MiningOrDrilling',
  'Other',
  'NotSpecified',
].map((suffix) => `typeOfLabour${suffix}`);

/** Concerted does not record the kind of sexual exploitation: these stay empty, kept for the layout. */
const SEX_COLUMNS = ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'].map(
  (suffix) => `typeOfSex${suffix}`,
);

const RELATION_FLAGS: Record<string, string> = {
  intimate_partner: 'recruiterRelationIntimatePartner',
  friend: 'recruiterRelationFriend',
  family_member: 'recruiterRelationFamily',
  employer: 'recruiterRelationOther',
  other: 'recruiterRelationOther',
};
const RELATION_COLUMNS = ['IntimatePartner', 'Friend', 'Family', 'Other', 'Unknown'].map(
  (suffix) => `recruiterRelation${suffix}`,
);

const GENDER_WORDS: Record<string, string> = {
  woman: 'Female',
  man: 'Male',
  transgender: 'Transgender/NonConforming',
  other: 'Transgender/NonConforming',
};
const SEX_WORDS: Record<string, string> = { female: 'Female', male: 'Male' };

export const CTDC_COLUMNS: readonly string[] = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  'citizenship',
  'CountryOfExploitation',
  ...MEANS_COLUMNS,
  ...EXPLOIT_COLUMNS,
  ...LABOUR_COLUMNS,
  ...SEX_COLUMNS,
  ...RELATION_COLUMNS,
];

/** Sets the flags of one group: 1 for those present, 0 for the others; only `unknown` when none is. */
function flags(row: Row, columns: readonly string[], present: Set<string>, unknown: string | null) {
  const recorded = present.size > 0;
  for (const column of columns) {
    if (column === unknown) row[column] = recorded ? 0 : 1;
    else row[column] = recorded ? (present.has(column) ? 1 : 0) : '';
  }
}

function genderWord(facts: ExportCase['facts']): string {
  if (facts.gender) return GENDER_WORDS[facts.gender] ?? '';
  return facts.sex ? (SEX_WORDS[facts.sex] ?? '') : '';
}

export function ctdcRow(theCase: ExportCase): Row {
  const { facts } = theCase;
  const [exploitedIn] = facts.exploitationCountries;
  const row: Row = {
    yearOfRegistration: theCase.yearOfRegistration,
    Datasource: 'Case Management',
    gender: genderWord(facts),
    ageBroad: facts.ageBandAtIdentification ?? '',
    majorityStatus: majorityStatus(facts.ageBandAtIdentification),
    majorityStatusAtExploit: majorityStatus(facts.ageBandWhenTrafficked),
    citizenship: facts.citizenship ? toAlpha2(facts.citizenship) : '',
    CountryOfExploitation: exploitedIn ? toAlpha2(exploitedIn) : '',
  };
  const means = new Set(facts.meansOfControl.map((code) => `meansOfControl${MEANS_FLAGS[code] ?? 'Other'}`));
  flags(row, MEANS_COLUMNS, means, 'meansOfControlNotSpecified');
  const exploitFlags = facts.formsOfExploitation.flatMap((code) => EXPLOIT_FLAGS[code] ?? ['isOtherExploit']);
  flags(row, EXPLOIT_COLUMNS, new Set(exploitFlags), null);
  const labour = new Set(exploitFlags.filter((flag) => flag.startsWith('typeOfLabour')));
  if (facts.sector) labour.add(LABOUR_FLAGS[facts.sector] ?? 'typeOfLabourOther');
  const isLabour = exploitFlags.includes('isForcedLabour') || exploitFlags.includes('isSexAndLabour');
  if (isLabour) flags(row, LABOUR_COLUMNS, labour, 'typeOfLabourNotSpecified');
  else for (const column of LABOUR_COLUMNS) row[column] = '';
  for (const column of SEX_COLUMNS) row[column] = '';
  const relation = facts.recruiterRelation ? RELATION_FLAGS[facts.recruiterRelation] : undefined;
  flags(row, RELATION_COLUMNS, new Set(relation ? [relation] : []), 'recruiterRelationUnknown');
  return row;
}
