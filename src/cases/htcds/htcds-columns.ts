// The columns of the HTCDS case export (JSON and the Excel template's field names), and one case as a row.
// Only non-identifying facts: the template's person columns (names, birthdate, contacts, addresses) are
// left out on purpose. Columns HTCDS does not define are marked as Concerted's own (`extension`).

import type { ExportCase } from './export-case.js';
import { manyToHtcds, toAlpha2, toHtcds } from './mapping.js';
import {
  CASE_STATUS,
  FORCED_LABOUR_INDUSTRY,
  GENDER,
  METHOD_OF_RECRUITMENT,
  METHODS_OF_CONTROL,
  RECRUITER_RELATIONSHIP,
  TYPE_OF_EXPLOITATION,
} from './value-sets.js';

export type HtcdsCell = string | string[] | number | null;
export type HtcdsRow = Record<string, HtcdsCell>;

type Column = {
  name: string;
  label: string;
  /** Not an HTCDS field: added by Concerted, named in HTCDS's style. */
  extension: boolean;
  value: (c: ExportCase) => HtcdsCell;
};

const countries = (iso3: readonly string[]) => iso3.map(toAlpha2);
const SEX_LABELS: Record<string, string> = { female: 'Female', male: 'Male', other_unknown: 'Unknown' };

export const HTCDS_COLUMNS: readonly Column[] = [
  { name: 'cas_CaseCode', label: 'Case Code', extension: true, value: (c) => c.code },
  { name: 'cas_Status', label: 'Status', extension: false, value: (c) => toHtcds(CASE_STATUS, c.status) },
  {
    name: 'cas_YearOfRegistration',
    label: 'Year of Registration',
    extension: true,
    value: (c) => c.yearOfRegistration,
  },
  {
    name: 'prs_Gender',
    label: 'Gender',
    extension: false,
    value: (c) => (c.facts.gender ? toHtcds(GENDER, c.facts.gender) : 'NonSpecifiedUnknown'),
  },
  {
    name: 'prs_Sex',
    label: 'Sex',
    extension: true,
    value: (c) => (c.facts.sex ? (SEX_LABELS[c.facts.sex] ?? null) : null),
  },
  {
    name: 'prs_Citizenship',
    label: 'Citizenship',
    extension: false,
    value: (c) => (c.facts.citizenship ? toAlpha2(c.facts.citizenship) : null),
  },
  {
    name: 'vic_AgeBroadAtIdentification',
    label: 'Age Band at Identification',
    extension: true,
    value: (c) => c.facts.ageBandAtIdentification,
  },
  {
    name: 'vic_AgeBroadWhenTrafficked',
    label: 'Age Band when Trafficked',
    extension: true,
    value: (c) => c.facts.ageBandWhenTrafficked,
  },
  {
    name: 'vic_MethodOfRecruitment',
    label: 'Method of Recruitment',
    extension: false,
    value: (c) =>
      c.facts.recruitmentChannel ? [toHtcds(METHOD_OF_RECRUITMENT, c.facts.recruitmentChannel)] : [],
  },
  {
    name: 'vic_RecruiterRelationship',
    label: 'Recruiter Relationship',
    extension: true,
    value: (c) =>
      c.facts.recruiterRelation ? toHtcds(RECRUITER_RELATIONSHIP, c.facts.recruiterRelation) : null,
  },
  {
    name: 'vic_MethodsOfControl',
    label: 'Methods of Control',
    extension: false,
    value: (c) => manyToHtcds(METHODS_OF_CONTROL, c.facts.meansOfControl),
  },
  {
    name: 'vic_TypeOfExploitation',
    label: 'Type of Exploitation',
    extension: false,
    value: (c) => manyToHtcds(TYPE_OF_EXPLOITATION, c.facts.formsOfExploitation),
  },
  {
    name: 'vic_ForcedLabourIndustry',
    label: 'Forced Labour Industry',
    extension: false,
    value: (c) => (c.facts.sector ? [toHtcds(FORCED_LABOUR_INDUSTRY, c.facts.sector)] : []),
  },
  {
    name: 'hte_RecruitmentCountries',
    label: 'Countries of Recruitment',
    extension: true,
    value: (c) => countries(c.facts.recruitmentCountries),
  },
  {
    name: 'hte_TransitCountries',
    label: 'Countries of Transit',
    extension: true,
    value: (c) => countries(c.facts.transitCountries),
  },
  {
    name: 'hte_ExploitationCountries',
    label: 'Countries of Exploitation',
    extension: true,
    value: (c) => countries(c.facts.exploitationCountries),
  },
];

export function htcdsRow(theCase: ExportCase): HtcdsRow {
  return Object.fromEntries(HTCDS_COLUMNS.map((column) => [column.name, column.value(theCase)]));
}

/** A cell as the Excel template writes it: several values joined with semicolons, as its multi-select does. */
export function spreadsheetCell(cell: HtcdsCell): string | number {
  if (cell === null) return '';
  return Array.isArray(cell) ? cell.join(';') : cell;
}
