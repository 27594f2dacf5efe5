// The HTCDS 2.0 value sets our case facts are exported to, and, per value, the code of ours it stands for.
// Data, not logic: mapping.ts reads these tables both ways, value-sets.test.ts checks them and
// standard.test.ts holds them against the standard's own value names. Sources are in README.md beside this file.
import { codesOf } from '../../reference/index.js';
import { CASE_STATUSES, GENDERS, RECRUITER_RELATIONS } from '../schemas.js';

export const HTCDS_VERSION = '2.0';

/** One HTCDS value: its system name, its English label and the code of ours it is read back as. */
export type HtcdsValue = { value: string; label: string; code: string | null };

/**
 * A field's value set. `fromCode` says which HTCDS value each of our codes is exported as; `approximate`
 * names the codes of ours whose value stands for a wider HTCDS category (read back, they become the
 * category's own code), each with the reason, so that every loss of detail is written down.
 */
export type ValueSet = {
  field: string;
  values: readonly HtcdsValue[];
  fromCode: Readonly<Record<string, string>>;
  approximate: Readonly<Record<string, string>>;
};

const v = (value: string, label: string, code: string | null): HtcdsValue => ({ value, label, code });

export const GENDER: ValueSet = {
  field: 'prs_Gender',
  values: [
    v('Feminine', 'Feminine', 'woman'),
    v('Masculine', 'Masculine', 'man'),
    v('TransgenderFeminine', 'Transgender Feminine', 'transgender'),
    v('TransgenderMasculine', 'Transgender Masculine', 'transgender'),
    v('NonConforming', 'Non-Conforming', 'other'),
    v('NonSpecifiedUnknown', 'Not Specified/Unknown', null),
  ],
  fromCode: {
    woman: 'Feminine',
    man: 'Masculine',
    transgender: 'TransgenderFeminine',
    other: 'NonConforming',
  },
  approximate: {
    transgender:
      'Concerted records "transgender" without the direction HTCDS asks for; it is written as TransgenderFeminine and both transgender values are read back as "transgender". Record the direction in the case notes where it matters.',
  },
};

export const TYPE_OF_EXPLOITATION: ValueSet = {
  field: 'vic_TypeOfExploitation',
  values: [
    v('ForcedLabour', 'Forced labour', 'forced_labour'),
    v('SexualExploitation', 'Sexual exploitation', 'sexual_exploitation'),
    v('ChildLabour', 'Child labour', 'forced_labour'),
    v('ForcedMarriage', 'Forced marriage', 'forced_marriage'),
    v('Servitude', 'Servitude', 'domestic_servitude'),
    v('ForcedMilitaryByNonStateActors', 'Forced military (by non-state actors)', 'child_soldiering'),
    v('OrganRemoval', 'Organ removal', 'organ_removal'),
    v('ForcedBegging', 'Forced begging', 'forced_begging'),
    v('ForcedAdoption', 'Forced adoption', 'illegal_adoption'),
    v('Surrogacy', 'Surrogacy', 'other'),
    v('Other', 'Other', 'other'),
  ],
  fromCode: {
    sexual_exploitation: 'SexualExploitation',
    forced_labour: 'ForcedLabour',
    domestic_servitude: 'Servitude',
    forced_marriage: 'ForcedMarriage',
    forced_criminality: 'Other',
    forced_begging: 'ForcedBegging',
    organ_removal: 'OrganRemoval',
    illegal_adoption: 'ForcedAdoption',
    child_soldiering: 'ForcedMilitaryByNonStateActors',
    mixed: 'Other',
    other: 'Other',
  },
  approximate: {
    forced_criminality: 'HTCDS has no value for forced criminality; it is written as Other.',
    mixed:
      'HTCDS records each form separately (the field takes several values); a case marked "mixed" without its forms is written as Other.',
  },
};

/** ISIC rev. 4 sections, as HTCDS 2.0 uses them for the forced labour industry. */
export const FORCED_LABOUR_INDUSTRY: ValueSet = {
  field: 'vic_ForcedLabourIndustry',
  values: [
    v('A_AgricultureForestryAndFishing', 'Agriculture, forestry and fishing', 'agriculture'),
    v('B_MiningAndQuarrying', 'Mining and quarrying', 'mining'),
    v('C_Manufacturing', 'Manufacturing', 'manufacturing'),
    v(
      'D_ElectricityGasSteamAndAirConditioningSupply',
      'Electricity, gas, steam and air conditioning supply',
      'other_sector',
    ),
    v(
      'E_WaterSupplySewerageWasteManagement',
      'Water supply; sewerage, waste management and remediation',
      'other_sector',
    ),
    v('F_Construction', 'Construction', 'construction'),
    v(
      'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
      'Wholesale and retail trade; repair of motor vehicles and motorcycles',
      'other_sector',
    ),
    v('H_TransportationAndStorage', 'Transportation and storage', 'other_sector'),
    v('I_AccommodationAndFoodServiceActivities', 'Accommodation and food service activities', 'hospitality'),
    v('J_InformationAndCommunication', 'Information and communication', 'other_sector'),
    v('K_FinancialAndInsuranceActivities', 'Financial and insurance activities', 'other_sector'),
    v('L_RealEstateActivities', 'Real estate activities', 'other_sector'),
    v(
      'M_ProfessionalScientificAndTechnicalActivities',
      'Professional, scientific and technical activities',
      'other_sector',
    ),
    v(
      'N_AdministrativeAndSupportServiceActivities',
      'Administrative and support service activities',
      'other_sector',
    ),
    v(
      'O_PublicAdministrationAndDefence',
      'Public administration and defence; compulsory social security',
      'other_sector',
    ),
    v('P_Education', 'Education', 'other_sector'),
    v('Q_HumanHealthAndSocialWorkActivities', 'Human health and social work activities', 'care_work'),
    v('R_ArtsEntertainmentAndRecreation', 'Arts, entertainment and recreation', 'entertainment'),
    v('S_OtherServiceActivities', 'Other service activities', 'other_sector'),
    v(
      'T_ActivitiesOfHouseholdsAsEmployers',
      'Activities of households as employers; undifferentiated goods- and services- producing activities of households for own use',
      'domestic_work',
    ),
    v(
      'U_ActivitiesOfExtraterritorialOrganizations',
      'Activities of extraterritorial organizations and bodies',
      'other_sector',
    ),
  ],
  fromCode: {
    agriculture: 'A_AgricultureForestryAndFishing',
    construction: 'F_Construction',
    manufacturing: 'C_Manufacturing',
    fishing: 'A_AgricultureForestryAndFishing',
    domestic_work: 'T_ActivitiesOfHouseholdsAsEmployers',
    hospitality: 'I_AccommodationAndFoodServiceActivities',
    mining: 'B_MiningAndQuarrying',
    textiles_garments: 'C_Manufacturing',
    care_work: 'Q_HumanHealthAndSocialWorkActivities',
    entertainment: 'R_ArtsEntertainmentAndRecreation',
    other_sector: 'S_OtherServiceActivities',
  },
  approximate: {
    fishing: 'ISIC puts fishing in section A with agriculture and forestry; read back it is "agriculture".',
    textiles_garments:
      'ISIC puts textiles and garments in section C, manufacturing; read back it is "manufacturing".',
  },
};

/**
 * The values and order of the HTCDS field reference (`vic_MethodsOfControl`), defined one by one in the
 * standard's field definitions; the same words as the CTDC flags (`meansOfControl<Value>`).
 */
export const METHODS_OF_CONTROL: ValueSet = {
  field: 'vic_MethodsOfControl',
  values: [
    v('DebtBondage', 'Debt Bondage', 'debt_bondage'),
    v('TakesEarnings', 'Takes Earnings', 'withheld_wages'),
    v('RestrictsFinancialAccess', 'Restricts Financial Access', 'withheld_wages'),
    v('Threats', 'Threats', 'threats'),
    v('PsychologicalAbuse', 'Psychological Abuse', 'psychological_abuse'),
    v('PhysicalAbuse', 'Physical Abuse', 'violence'),
    v('SexualAbuse', 'Sexual Abuse', 'violence'),
    v('FalsePromises', 'False Promises', 'psychological_abuse'),
    v('PsychoactiveSubstances', 'Psychoactive Substances', 'substance_dependence'),
    v('RestrictsMovement', 'Restricts Movement', 'restricted_movement'),
    v('RestrictsMedicalCare', 'Restricts Medical Care', 'isolation'),
    v('ExcessiveWorkingHours', 'Excessive Working Hours', null),
    v('UsesChildren', 'Uses Children', null),
    v('ThreatOfLawEnforcement', 'Threat Of Law Enforcement', 'threats'),
    v('WithholdsNecessities', 'Withholds Necessities', 'isolation'),
    v('WithholdsDocuments', 'Withholds Documents', 'document_confiscation'),
    v('Other', 'Other', null),
  ],
  fromCode: {
    violence: 'PhysicalAbuse',
    threats: 'Threats',
    document_confiscation: 'WithholdsDocuments',
    debt_bondage: 'DebtBondage',
    withheld_wages: 'TakesEarnings',
    isolation: 'Other',
    psychological_abuse: 'PsychologicalAbuse',
    substance_dependence: 'PsychoactiveSubstances',
    restricted_movement: 'RestrictsMovement',
  },
  approximate: {
    isolation: 'HTCDS has no value for isolation; it is written as Other, which reads back as no code.',
  },
};

export const METHOD_OF_RECRUITMENT: ValueSet = {
  field: 'vic_MethodOfRecruitment',
  values: [
    v('AtAPlaceOfBusiness', 'At a place of business', 'job_offer'),
    v('AtAnEducationalInstitution', 'At an educational institution', 'study_abroad'),
    v('AtWork', 'At work', 'job_offer'),
    v('ThroughOnlineSocialNetworks', 'Through online social networks', 'online'),
    v('ThroughAnOnlineAdvertisement', 'Through an online advertisement', 'online'),
    v('ThroughATelevisionAdvert', 'Through a television advert', 'job_offer'),
    v('ThroughANewspaperAdvert', 'Through a newspaper advert', 'job_offer'),
    v('ThroughFamilyOrFamilyEvents', 'Through family or family events', 'relative_or_acquaintance'),
    v('ThroughFriendsOrSocialEvents', 'Through friends or social events', 'relative_or_acquaintance'),
    v('Other', 'Other', null),
  ],
  fromCode: {
    job_offer: 'AtAPlaceOfBusiness',
    marriage_agency: 'AtAPlaceOfBusiness',
    mail_order_bride: 'ThroughAnOnlineAdvertisement',
    modelling_agency: 'AtAPlaceOfBusiness',
    escort_service: 'AtAPlaceOfBusiness',
    international_adoption: 'Other',
    study_abroad: 'AtAnEducationalInstitution',
    online: 'ThroughOnlineSocialNetworks',
    relative_or_acquaintance: 'ThroughFamilyOrFamilyEvents',
  },
  approximate: {
    marriage_agency:
      'HTCDS records where recruitment happened, not the kind of agency: an agency is a place of business.',
    mail_order_bride: 'Written as an online advertisement, the usual way such offers are made.',
    modelling_agency: 'An agency is a place of business.',
    escort_service: 'An agency is a place of business.',
    international_adoption: 'HTCDS has no value for recruitment through an adoption; it is written as Other.',
  },
};

/** Case statuses are HTCDS values already: the same word on both sides. */
export const CASE_STATUS: ValueSet = {
  field: 'cas_Status',
  values: [
    v('Active', 'Active', 'Active'),
    v('FollowUp', 'Follow Up', 'FollowUp'),
    v('Closed', 'Closed', 'Closed'),
    v('ClosedReferred', 'Closed Referred', 'ClosedReferred'),
  ],
  fromCode: { Active: 'Active', FollowUp: 'FollowUp', Closed: 'Closed', ClosedReferred: 'ClosedReferred' },
  approximate: {},
};

/**
 * Concerted's own column: HTCDS's Relationship to Trafficker field is published only in its binary
 * spreadsheet, so CTDC's RecruiterRelationship words are used.
 */
export const RECRUITER_RELATIONSHIP: ValueSet = {
  field: 'vic_RecruiterRelationship',
  values: [
    v('IntimatePartner', 'Intimate partner', 'intimate_partner'),
    v('Friend', 'Friend', 'friend'),
    v('Family', 'Family', 'family_member'),
    v('Employer', 'Employer', 'employer'),
    v('Other', 'Other', 'other'),
  ],
  fromCode: {
    intimate_partner: 'IntimatePartner',
    friend: 'Friend',
    family_member: 'Family',
    employer: 'Employer',
    other: 'Other',
  },
  approximate: {},
};

/** Each value set with every code of ours it must cover, for the tests and the README. */
export const VALUE_SETS: Readonly<Record<string, { set: ValueSet; codes: readonly string[] }>> = {
  caseStatus: { set: CASE_STATUS, codes: CASE_STATUSES },
  gender: { set: GENDER, codes: GENDERS },
  formsOfExploitation: { set: TYPE_OF_EXPLOITATION, codes: codesOf('form_of_exploitation') },
  sector: { set: FORCED_LABOUR_INDUSTRY, codes: codesOf('forced_labour_sector') },
  meansOfControl: { set: METHODS_OF_CONTROL, codes: codesOf('means_of_control') },
  recruitmentChannel: { set: METHOD_OF_RECRUITMENT, codes: codesOf('recruitment_channel') },
  recruiterRelation: { set: RECRUITER_RELATIONSHIP, codes: RECRUITER_RELATIONS },
};
