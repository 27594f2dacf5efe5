// Invented partner organisations and activity files for the import and export tests.
import { coordinationMechanisms, organisations } from '../../src/partners/schema.js';
import type { Queryable } from '../../src/platform/db.js';

export async function registerTestPartners(db: Queryable) {
  const [alpha, beta] = await db
    .insert(organisations)
    .values([
      { name: 'Alpha Shelter Network', acronym: 'ASN', actorType: 'ngo' },
      { name: 'Beta Legal Aid', acronym: 'BLA', actorType: 'ngo' },
    ])
    .returning();
  const [mechanism] = await db
    .insert(coordinationMechanisms)
    .values({ name: 'Test Task Force', acronym: 'TTF', kind: 'national_task_force', countries: ['KEN'] })
    .returning();
  return { alpha: alpha!.id, beta: beta!.id, mechanism: mechanism!.id };
}

const HEADER =
  'identifier,title,description,lead_organisation,funding_organisations,implementing_organisations,activity_type,forms_of_exploitation,target_groups,chain_stage,origin_countries,destination_countries,places,planned_start,planned_end,status,budget,currency,funder,reached_female_children,reached_female_adults,targeted_female_adults,gender_marker,coordination_mechanism,source,reported_by,reported_on,published';
const HXL =
  '#activity+code,#activity+name,#activity+description,#org+lead+name,#org+funder+name,#org+impl+name,#activity+type+code,#cause+exploitation+code,#group+targeted+code,#meta+chain_stage+code,#country+origin+code,#country+destination+code,#loc+name,#date+start+planned,#date+end+planned,#status+code,#value+budget,#currency+budget,#org+funder+budget,#reached+f+children,#reached+f+adults,#targeted+f+adults,#indicator+gender_marker,#org+mechanism+name,#meta+source,#meta+reported_by,#date+reported,#status+published';

export const GOOD_ROWS = [
  'T-001,Shelter for women,"Beds, meals and counselling",ASN,Example Fund,Beta Legal Aid,shelter,sexual_exploitation,women; girls,demand,UGA,KEN,KEN:Nairobi|Kisumu,2026-01-01,2026-12-31,implementation,120000.5,USD,Example Fund,12,40,60,2,TTF,Field report,ASN,2026-02-01,yes',
  'T-002,Legal aid clinic,,Beta Legal Aid,,,legal_aid,forced_labour,men,,,KEN,,2026-03-01,2026-09-30,2,,,,,5,,1,,,,,no',
  'T-003,Pre-departure briefings,,BLA,,,pre_departure_briefing,domestic_servitude,domestic_workers,supply,UGA,SAU,UGA:Entebbe,2026-01-01,,pipeline,,,,,,,,,,,,',
];

export const CSV_WITH_HXL = [HEADER, HXL, ...GOOD_ROWS].join('\n');
export const CSV_WITHOUT_HXL = [HEADER, ...GOOD_ROWS].join('\n');
export const HXL_ONLY = [HXL, ...GOOD_ROWS].join('\n');

/** Row 3 has an unknown code and a bad date, row 4 an unknown lead, row 5 a repeated identifier and no country. */
export const CSV_WITH_ERRORS = [
  HEADER,
  GOOD_ROWS[0],
  'T-010,Bad codes,,ASN,,,shelterz,sexual_exploitation,women,,,KEN,,2026-31-01,,implementation,,,,,,,,,,,,',
  'T-011,Unknown lead,,Nobody Org,,,shelter,,,,,KEN,,,,,,,,,,,,,,,,',
  'T-001,Repeated,,ASN,,,shelter,,,,,,,,,,,,,,,,,,,,,',
].join('\n');

/** An IATI 2.03 file as another publisher would write it: no Concerted extension, hints only. */
export const FOREIGN_IATI = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity last-updated-datetime="2026-02-01T00:00:00Z" default-currency="EUR">
    <iati-identifier>XM-EXAMPLE-001</iati-identifier>
    <reporting-org ref="XM-EXAMPLE" type="40"><narrative>Alpha Shelter Network</narrative></reporting-org>
    <title><narrative xml:lang="fr">Titre</narrative><narrative xml:lang="en">Ending violence against girls</narrative></title>
    <participating-org role="1" ref="XM-FUND"><narrative>Example Fund</narrative></participating-org>
    <participating-org role="4"><narrative>Beta Legal Aid</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2026-01-01"/>
    <activity-date type="3" iso-date="2026-12-31"/>
    <recipient-country code="KE" percentage="100"/>
    <sector vocabulary="1" code="15180" percentage="100"/>
    <tag vocabulary="3" code="8.7"/>
    <policy-marker vocabulary="1" code="1" significance="2"/>
    <budget type="1" status="1"><period-start iso-date="2026-01-01"/><period-end iso-date="2026-12-31"/><value currency="EUR" value-date="2026-01-01">50000</value></budget>
  </iati-activity>
  <iati-activity>
    <iati-identifier>XM-EXAMPLE-002</iati-identifier>
    <reporting-org ref="XM-OTHER" type="21"><narrative>Unregistered Org</narrative></reporting-org>
    <title><narrative>No sector</narrative></title>
    <recipient-country code="ZZ"/>
  </iati-activity>
</iati-activities>`;
