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
/** In the published file's order; those Concerted does not record stay 0 once any means is recorded. */
const MEANS_COLUMNS = [
  'DebtBondage',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'Threats',
  'PsychologicalAbuse',
  'PhysicalAbuse',
  'SexualAbuse',
  'FalsePromises',
  'PsychoactiveSubstances',
  'RestrictsMovement',
  'RestrictsMedicalCare',
  'ExcessiveWorkingHours',
  'UsesChildren',
  'ThreatOfLawEnforcement',
  'WithholdsNecessities',
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
  'isSlaveryAndPractices',
];
/** The words of the published file's typeOfExploitConcatenated for each flag. */
const EXPLOIT_WORDS: Record<string, string> = {
  isForcedLabour: 'Forced labour',
  isSexualExploit: 'Sexual exploitation',
  isOtherExploit: 'Other',
  isSexAndLabour: 'Sex and labour',
  isForcedMarriage: 'Forced marriage',
  isForcedMilitary: 'Forced military',
  isOrganRemoval: 'Organ removal',
  isSlaveryAndPractices: 'Slavery and similar practices',
};

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
  'Peddling',
  'Transportation',
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
/** The published file's RecruiterRelationship words for each flag. */
const RELATION_WORDS: Record<string, string> = {
  recruiterRelationIntimatePartner: 'Intimate Partner',
  recruiterRelationFriend: 'Friend',
  recruiterRelationFamily: 'Family/Relative',
  recruiterRelationOther: 'Other',
};

const GENDER_WORDS: Record<string, string> = {
  woman: 'Female',
  man: 'Male',
  transgender: 'Transgender/NonConforming',
  other: 'Transgender/NonConforming',
};
const SEX_WORDS: Record<string, string> = { female: 'Female', male: 'Male' };

/** Every column of the CTDC global dataset, in its order (checked against the published file's header). */
export const CTDC_COLUMNS: readonly string[] = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  // Age on entry into the situation: not recorded by Concerted.
  'majorityEntry',
  'citizenship',
  ...MEANS_COLUMNS,
  'meansOfControlConcatenated',
  ...EXPLOIT_COLUMNS,
  'typeOfExploitConcatenated',
  ...LABOUR_COLUMNS,
  'typeOfLabourConcatenated',
  ...SEX_COLUMNS,
  'typeOfSexConcatenated',
  // Whether the person was abducted: not recorded by Concerted.
  'isAbduction',
  'RecruiterRelationship',
  'CountryOfExploitation',
  ...RELATION_COLUMNS,
];

/** "DebtBondage" → "Debt bondage": the words of a flag's name, for the concatenated columns. */
function wordsOf(suffix: string): string {
  const words = suffix.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The flags of a group that are set, joined as the published file joins them; empty when none is. */
function concatenated(row: Row, columns: readonly string[], word: (column: string) => string): string {
  return columns
    .filter((column) => row[column] === 1)
    .map(word)
    .join(';');
}

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
    majorityEntry: '',
    citizenship: facts.citizenship ? toAlpha2(facts.citizenship) : '',
    CountryOfExploitation: exploitedIn ? toAlpha2(exploitedIn) : '',
    isAbduction: '',
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
  const meansFlags = MEANS_COLUMNS.filter((column) => column !== 'meansOfControlNotSpecified');
  row.meansOfControlConcatenated = concatenated(row, meansFlags, (c) =>
    wordsOf(c.slice('meansOfControl'.length)),
  );
  row.typeOfExploitConcatenated = concatenated(row, EXPLOIT_COLUMNS, (c) => EXPLOIT_WORDS[c] ?? '');
  const labourTypes = LABOUR_COLUMNS.filter((column) => column !== 'typeOfLabourNotSpecified');
  row.typeOfLabourConcatenated = concatenated(row, labourTypes, (c) =>
    wordsOf(c.slice('typeOfLabour'.length)),
  );
  row.typeOfSexConcatenated = '';
  row.RecruiterRelationship = relation ? (RELATION_WORDS[relation] ?? '') : '';
  return row;
}
