// Our HTCDS vocabulary against the standard's own words. The tables below are copied, as data, from the
// HTCDS repository (UNMigration/HTCDS): the field reference (`HTCDS Field Reference.md`, with the methods of
// control defined one by one in `Field Definitions.md`) and, for the fields whose entry there was replaced
// in version 1.0 (gender "updated to IOM standard", Nationality relabelled Citizenship, recruitment methods
// and types of exploitation realigned: `Revision History.md`), the survey form `Toolkit/Survey/htcds_xlsform.xml`.
// A value name, field name or label spelt differently from the standard, or a value of the standard that
// reads back as nothing, fails here.
import { describe, expect, it } from 'vitest';
import { HTCDS_COLUMNS } from './htcds-columns.js';
import { fromHtcds, toHtcds } from './mapping.js';
import { VALUE_SETS } from './value-sets.js';

type StandardField = {
  name: string;
  label: string;
  source: 'field reference' | 'survey form';
  /** Value names and, where the source spells them out one by one, their labels. */
  values?: ReadonlyArray<readonly [name: string, label: string | null]>;
};

const named = (...names: string[]) => names.map((name) => [name, null] as const);

const STANDARD: Readonly<Record<string, StandardField>> = {
  cas_Status: {
    name: 'cas_Status',
    label: 'Status',
    source: 'survey form',
    values: [
      ['Active', 'Active'],
      ['FollowUp', 'Follow Up'],
      ['Closed', 'Closed'],
      ['ClosedReferred', 'Closed Referred'],
    ],
  },
  prs_Gender: {
    name: 'prs_Gender',
    label: 'Gender',
    source: 'survey form',
    values: [
      ['Feminine', 'Feminine'],
      ['Masculine', 'Masculine'],
      ['TransgenderFeminine', 'Transgender Feminine'],
      ['TransgenderMasculine', 'Transgender Masculine'],
      ['NonConforming', 'Non-Conforming'],
      ['NonSpecifiedUnknown', 'Not Specified/Unknown'],
    ],
  },
  prs_Citizenship: { name: 'prs_Citizenship', label: 'Citizenship', source: 'survey form' },
  vic_MethodOfRecruitment: {
    name: 'vic_MethodOfRecruitment',
    label: 'Method of Recruitment',
    source: 'survey form',
    values: [
      ['AtAPlaceOfBusiness', 'At a place of business'],
      ['AtAnEducationalInstitution', 'At an educational institution'],
      ['AtWork', 'At work'],
      ['ThroughOnlineSocialNetworks', 'Through online social networks'],
      ['ThroughAnOnlineAdvertisement', 'Through an online advertisement'],
      ['ThroughATelevisionAdvert', 'Through a television advert'],
      ['ThroughANewspaperAdvert', 'Through a newspaper advert'],
      ['ThroughFamilyOrFamilyEvents', 'Through family or family events'],
      ['ThroughFriendsOrSocialEvents', 'Through friends or social events'],
      ['Other', 'Other'],
    ],
  },
  vic_MethodsOfControl: {
    name: 'vic_MethodsOfControl',
    label: 'Methods of Control',
    source: 'field reference',
    // The field reference runs its labels together, so only the value names are held.
    values: named(
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
    ),
  },
  vic_TypeOfExploitation: {
    name: 'vic_TypeOfExploitation',
    label: 'Type of Exploitation',
    source: 'survey form',
    values: [
      ['ForcedLabour', 'Forced labour'],
      ['SexualExploitation', 'Sexual exploitation'],
      ['ChildLabour', 'Child labour'],
      ['ForcedMarriage', 'Forced marriage'],
      ['Servitude', 'Servitude'],
      ['ForcedMilitaryByNonStateActors', 'Forced military (by non-state actors)'],
      ['OrganRemoval', 'Organ removal'],
      ['ForcedBegging', 'Forced begging'],
      ['ForcedAdoption', 'Forced adoption'],
      ['Surrogacy', 'Surrogacy'],
      ['Other', 'Other'],
    ],
  },
  // The field reference names this field "Labour Industry" (with a space) and has the same values; the
  // survey form and the Salesforce package call it Forced Labour Industry.
  vic_ForcedLabourIndustry: {
    name: 'vic_ForcedLabourIndustry',
    label: 'Forced Labour Industry',
    source: 'survey form',
    values: [
      ['A_AgricultureForestryAndFishing', 'Agriculture, forestry and fishing'],
      ['B_MiningAndQuarrying', 'Mining and quarrying'],
      ['C_Manufacturing', 'Manufacturing'],
      [
        'D_ElectricityGasSteamAndAirConditioningSupply',
        'Electricity, gas, steam and air conditioning supply',
      ],
      ['E_WaterSupplySewerageWasteManagement', 'Water supply; sewerage, waste management and remediation'],
      ['F_Construction', 'Construction'],
      [
        'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
        'Wholesale and retail trade; repair of motor vehicles and motorcycles',
      ],
      ['H_TransportationAndStorage', 'Transportation and storage'],
      ['I_AccommodationAndFoodServiceActivities', 'Accommodation and food service activities'],
      ['J_InformationAndCommunication', 'Information and communication'],
      ['K_FinancialAndInsuranceActivities', 'Financial and insurance activities'],
      ['L_RealEstateActivities', 'Real estate activities'],
      ['M_ProfessionalScientificAndTechnicalActivities', 'Professional, scientific and technical activities'],
      ['N_AdministrativeAndSupportServiceActivities', 'Administrative and support service activities'],
      ['O_PublicAdministrationAndDefence', 'Public administration and defence; compulsory social security'],
      ['P_Education', 'Education'],
      ['Q_HumanHealthAndSocialWorkActivities', 'Human health and social work activities'],
      ['R_ArtsEntertainmentAndRecreation', 'Arts, entertainment and recreation'],
      ['S_OtherServiceActivities', 'Other service activities'],
      [
        'T_ActivitiesOfHouseholdsAsEmployers',
        'Activities of households as employers; undifferentiated goods- and services- producing activities of households for own use',
      ],
      [
        'U_ActivitiesOfExtraterritorialOrganizations',
        'Activities of extraterritorial organizations and bodies',
      ],
    ],
  },
};

/** Names the standard gives to fields we do not fill, so that none of our own columns takes one of them. */
const OTHER_STANDARD_FIELDS = [
  'prs_Nationality',
  'vic_TraffickingStatus',
  'vic_TypeOfLabourExploitation',
  'vic_TypeOfSexExploitation',
  'vic_LocationOfRecruitment',
  'vic_LocationOfExploitation',
  'hte_Country',
  'hte_Type',
];

const standardSets = Object.entries(VALUE_SETS).filter(([, { set }]) => set.field in STANDARD);

describe.each(standardSets)('the %s value set against the HTCDS standard', (_name, { set }) => {
  const standard = STANDARD[set.field]?.values ?? [];
  const standardNames = standard.map(([name]) => name);

  it('uses only value names the standard spells exactly so, with its labels', () => {
    expect(standard.length).toBeGreaterThan(0);
    for (const entry of set.values) {
      expect(standardNames, `${set.field}: ${entry.value}`).toContain(entry.value);
      const label = standard.find(([name]) => name === entry.value)?.[1];
      if (label) expect(entry.label, `${set.field}: ${entry.value}`).toBe(label);
    }
  });

  it('reads back every value of the standard, in the standard’s order', () => {
    expect(set.values.map((entry) => entry.value)).toEqual(standardNames);
    for (const name of standardNames) expect(fromHtcds(set, name), name).not.toBeUndefined();
  });

  it('round-trips: a value read back as a code is written again as a value of the standard', () => {
    for (const name of standardNames) {
      const code = fromHtcds(set, name);
      if (code === null || code === undefined) continue;
      const written = toHtcds(set, code);
      expect(standardNames, `${name} → ${code}`).toContain(written);
      // A code whose loss of detail is written down (value-sets.test.ts holds the list) may come back as less.
      if (code in set.approximate) continue;
      expect(fromHtcds(set, written), `${name} → ${code} → ${written}`).toBe(code);
    }
  });
});

describe('the HTCDS export’s columns', () => {
  it('fills every standard field with a value set we have a code for', () => {
    const filled = new Set(Object.values(VALUE_SETS).map(({ set }) => set.field));
    for (const field of Object.values(STANDARD)) {
      if (field.values) expect(filled, field.name).toContain(field.name);
    }
  });

  it('names and labels the standard’s fields exactly as the standard does', () => {
    const standard = HTCDS_COLUMNS.filter((column) => !column.extension);
    expect(standard.length).toBeGreaterThan(0);
    for (const column of standard) {
      expect(STANDARD[column.name], column.name).toBeDefined();
      expect(column.label, column.name).toBe(STANDARD[column.name]?.label);
    }
  });

  it('marks as our own every column the standard does not define, and takes none of its names', () => {
    const names = [...Object.keys(STANDARD), ...OTHER_STANDARD_FIELDS];
    for (const column of HTCDS_COLUMNS.filter((each) => each.extension)) {
      expect(names, column.name).not.toContain(column.name);
    }
    for (const column of HTCDS_COLUMNS.filter((each) => !each.extension)) {
      expect(Object.keys(STANDARD), column.name).toContain(column.name);
    }
  });
});
