// One case as an HTCDS record and as a CTDC microdata row: values mapped, flags set, and missing data left
// empty rather than read as "no".
import { describe, expect, it } from 'vitest';
import { CTDC_COLUMNS, ctdcRow } from './ctdc-columns.js';
import type { ExportCase } from './export-case.js';
import { HTCDS_COLUMNS, htcdsRow, spreadsheetCell } from './htcds-columns.js';

const EMPTY_FACTS: ExportCase['facts'] = {
  sex: null,
  gender: null,
  ageBandAtIdentification: null,
  ageBandWhenTrafficked: null,
  citizenship: null,
  recruitmentCountries: [],
  transitCountries: [],
  exploitationCountries: [],
  formsOfExploitation: [],
  sector: null,
  meansOfControl: [],
  recruitmentChannel: null,
  recruiterRelation: null,
};
const aCase = (facts: Partial<ExportCase['facts']>): ExportCase => ({
  code: 'C-2026-7KQ2MX',
  status: 'FollowUp',
  yearOfRegistration: 2026,
  facts: { ...EMPTY_FACTS, ...facts },
});

/** The header of the CTDC global k-anonymised dataset as published, column for column. */
const PUBLISHED_CTDC_HEADER = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  'majorityEntry',
  'citizenship',
  'meansOfControlDebtBondage',
  'meansOfControlTakesEarnings',
  'meansOfControlRestrictsFinancialAccess',
  'meansOfControlThreats',
  'meansOfControlPsychologicalAbuse',
  'meansOfControlPhysicalAbuse',
  'meansOfControlSexualAbuse',
  'meansOfControlFalsePromises',
  'meansOfControlPsychoactiveSubstances',
  'meansOfControlRestrictsMovement',
  'meansOfControlRestrictsMedicalCare',
  'meansOfControlExcessiveWorkingHours',
  'meansOfControlUsesChildren',
  'meansOfControlThreatOfLawEnforcement',
  'meansOfControlWithholdsNecessities',
  'meansOfControlWithholdsDocuments',
  'meansOfControlOther',
  'meansOfControlNotSpecified',
  'meansOfControlConcatenated',
  'isForcedLabour',
  'isSexualExploit',
  'isOtherExploit',
  'isSexAndLabour',
  'isForcedMarriage',
  'isForcedMilitary',
  'isOrganRemoval',
  'isSlaveryAndPractices',
  'typeOfExploitConcatenated',
  'typeOfLabourAgriculture',
  'typeOfLabourAquafarming',
  'typeOfLabourBegging',
  'typeOfLabourConstruction',
  'typeOfLabourDomesticWork',
  'typeOfLabourHospitality',
  'typeOfLabourIllicitActivities',
  'typeOfLabourManufacturing',
  'typeOfLabourMiningOrDrilling',
  'typeOfLabourPeddling',
  'typeOfLabourTransportation',
  'typeOfLabourOther',
  'typeOfLabourNotSpecified',
  'typeOfLabourConcatenated',
  'typeOfSexProstitution',
  'typeOfSexPornography',
  'typeOfSexRemoteInteractiveServices',
  'typeOfSexPrivateSexualServices',
  'typeOfSexConcatenated',
  'isAbduction',
  'RecruiterRelationship',
  'CountryOfExploitation',
  'recruiterRelationIntimatePartner',
  'recruiterRelationFriend',
  'recruiterRelationFamily',
  'recruiterRelationOther',
  'recruiterRelationUnknown',
];

describe('the CTDC microdata row', () => {
  it('has the published file’s columns, in its order', () => {
    expect(CTDC_COLUMNS).toEqual(PUBLISHED_CTDC_HEADER);
  });

  it('joins the flags set into the concatenated columns, and names the recruiter’s relation', () => {
    const row = ctdcRow(
      aCase({
        meansOfControl: ['debt_bondage', 'document_confiscation'],
        formsOfExploitation: ['domestic_servitude', 'forced_marriage'],
        recruiterRelation: 'family_member',
      }),
    );
    expect(row).toMatchObject({
      meansOfControlConcatenated: 'Debt bondage;Withholds documents',
      meansOfControlSexualAbuse: 0,
      typeOfExploitConcatenated: 'Forced labour;Forced marriage',
      typeOfLabourConcatenated: 'Domestic work',
      RecruiterRelationship: 'Family/Relative',
      majorityEntry: '',
      isAbduction: '',
    });
    expect(ctdcRow(aCase({})).meansOfControlConcatenated).toBe('');
  });

  it('has a value for every column and no case code', () => {
    const row = ctdcRow(aCase({ citizenship: 'NPL' }));
    expect(Object.keys(row).sort()).toEqual([...CTDC_COLUMNS].sort());
    expect(Object.values(row)).not.toContain('C-2026-7KQ2MX');
  });

  it('leaves flag groups empty when nothing was recorded, with only their "not specified" flag set', () => {
    const row = ctdcRow(aCase({}));
    expect(row.meansOfControlDebtBondage).toBe('');
    expect(row.meansOfControlNotSpecified).toBe(1);
    expect(row.isForcedLabour).toBe('');
    expect(row.typeOfLabourAgriculture).toBe('');
    expect(row.recruiterRelationUnknown).toBe(1);
    expect(row.recruiterRelationFamily).toBe('');
    expect(row.gender).toBe('');
    expect(row.majorityStatus).toBe('');
  });

  it('sets the forms, labour types and minority of a child trafficked for begging', () => {
    const row = ctdcRow(
      aCase({
        sex: 'male',
        ageBandAtIdentification: '9-17',
        ageBandWhenTrafficked: '0-8',
        formsOfExploitation: ['forced_begging'],
        exploitationCountries: ['THA', 'MYS'],
        recruiterRelation: 'employer',
      }),
    );
    expect(row).toMatchObject({
      gender: 'Male',
      majorityStatus: 'Minor',
      majorityStatusAtExploit: 'Minor',
      CountryOfExploitation: 'TH',
      isForcedLabour: 1,
      isSexualExploit: 0,
      typeOfLabourBegging: 1,
      typeOfLabourNotSpecified: 0,
      typeOfLabourAgriculture: 0,
      recruiterRelationOther: 1,
      recruiterRelationUnknown: 0,
    });
  });

  it('leaves the labour types empty when the exploitation is not labour', () => {
    const row = ctdcRow(aCase({ formsOfExploitation: ['sexual_exploitation'], gender: 'transgender' }));
    expect(row.isSexualExploit).toBe(1);
    expect(row.typeOfLabourNotSpecified).toBe('');
    expect(row.gender).toBe('Transgender/NonConforming');
  });
});

describe('the HTCDS record', () => {
  it('has every column, with HTCDS values and two-letter countries', () => {
    const row = htcdsRow(
      aCase({
        gender: 'other',
        citizenship: 'UKR',
        transitCountries: ['POL', 'DEU'],
        formsOfExploitation: ['mixed', 'sexual_exploitation'],
        sector: 'fishing',
      }),
    );
    expect(Object.keys(row)).toEqual(HTCDS_COLUMNS.map((column) => column.name));
    expect(row).toMatchObject({
      cas_Status: 'FollowUp',
      prs_Gender: 'NonConforming',
      prs_Citizenship: 'UA',
      hte_TransitCountries: ['PL', 'DE'],
      vic_TypeOfExploitation: ['SexualExploitation', 'Other'],
      vic_ForcedLabourIndustry: ['A_AgricultureForestryAndFishing'],
      vic_MethodOfRecruitment: [],
    });
    expect(htcdsRow(aCase({})).prs_Gender).toBe('NonSpecifiedUnknown');
  });

  it('writes several values in one spreadsheet cell with semicolons', () => {
    expect(spreadsheetCell(['PL', 'DE'])).toBe('PL;DE');
    expect(spreadsheetCell(null)).toBe('');
    expect(spreadsheetCell(2026)).toBe(2026);
  });
});
