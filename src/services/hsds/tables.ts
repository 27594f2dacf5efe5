// The Open Referral HSDS 3.0 tables the directory exchanges, their columns in the standard's order, and the
// taxonomies that carry what HSDS has no field for (category, eligibility, public listing). Pure data.
import { createHash } from 'node:crypto';

/** Column names as in the HSDS 3.0 CSV schemas (https://docs.openreferral.org/en/latest/hsds/schema_reference.html). */
export const HSDS_COLUMNS = {
  organization: [
    'id',
    'name',
    'alternate_name',
    'description',
    'email',
    'website',
    'tax_status',
    'tax_id',
    'year_incorporated',
    'legal_status',
    'logo',
    'uri',
    'parent_organization_id',
  ],
  service: [
    'id',
    'organization_id',
    'program_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'interpretation_services',
    'application_process',
    'fees_description',
    'accreditations',
    'eligibility_description',
    'minimum_age',
    'maximum_age',
    'assured_date',
    'assurer_email',
    'alert',
    'last_modified',
  ],
  location: [
    'id',
    'location_type',
    'url',
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'transportation',
    'latitude',
    'longitude',
    'external_identifier',
    'external_identifier_type',
  ],
  address: [
    'id',
    'location_id',
    'attention',
    'address_1',
    'address_2',
    'city',
    'region',
    'state_province',
    'postal_code',
    'country',
    'address_type',
  ],
  service_at_location: ['id', 'service_id', 'location_id', 'description'],
  phone: [
    'id',
    'location_id',
    'service_id',
    'organization_id',
    'contact_id',
    'service_at_location_id',
    'number',
    'extension',
    'type',
    'description',
  ],
  language: ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note'],
  schedule: [
    'id',
    'service_id',
    'location_id',
    'service_at_location_id',
    'valid_from',
    'valid_to',
    'dtstart',
    'timezone',
    'until',
    'count',
    'wkst',
    'freq',
    'interval',
    'byday',
    'byweekno',
    'bymonthday',
    'byyearday',
    'description',
    'opens_at',
    'closes_at',
    'schedule_link',
    'attending_type',
    'notes',
  ],
  service_area: [
    'id',
    'service_id',
    'service_at_location_id',
    'name',
    'description',
    'extent',
    'extent_type',
    'uri',
  ],
  service_capacity: ['id', 'service_id', 'unit_id', 'available', 'maximum', 'description', 'updated'],
  unit: ['id', 'name', 'scheme', 'identifier', 'uri'],
  taxonomy_term: [
    'id',
    'code',
    'name',
    'description',
    'parent_id',
    'taxonomy',
    'language',
    'taxonomy_id',
    'term_uri',
  ],
  attribute: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value', 'label'],
} as const;

export type HsdsTable = keyof typeof HSDS_COLUMNS;
export const HSDS_TABLES = Object.keys(HSDS_COLUMNS) as [HsdsTable, ...HsdsTable[]];
export type HsdsRow = Record<string, string>;

/** Taxonomies of Concerted's own, for what HSDS 3.0 has no field for; terms are linked by attribute rows. */
export const TAXONOMIES = {
  category: 'concerted_service_category',
  eligibility: 'concerted_eligibility',
  visibility: 'concerted_visibility',
} as const;

/** The one unit of capacity: a place (a bed in a shelter, a seat in a course). */
export const PLACE_UNIT = {
  id: derivedId('unit', 'place'),
  name: 'place',
  scheme: 'concerted',
  identifier: 'place',
};

/**
 * Rows Concerted does not store as such (phones, schedules, attributes…) get an id derived from what they
 * belong to, so that exporting twice gives the same ids (an RFC 4122 name-based form over SHA-1).
 */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('\u001f')).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
