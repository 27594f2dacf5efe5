// The directory as Open Referral HSDS 3.0 CSV tables (the mapping is in README.md beside this file).
// Confidential locations — every shelter's — are never exported, whoever asks.

import { stringify } from 'csv-stringify/sync';
import isoCountries from 'i18n-iso-countries';
import type { Transaction } from '../../platform/db.js';
import { getCodeListFile } from '../../reference/code-list-data.js';
import type { ServiceView } from '../schemas.js';
import { listAllServices } from '../store.js';
import {
  derivedId,
  HSDS_COLUMNS,
  HSDS_TABLES,
  type HsdsRow,
  type HsdsTable,
  PLACE_UNIT,
  TAXONOMIES,
} from './tables.js';

export { HSDS_TABLES, type HsdsTable };

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
const ELIGIBILITY_NAMES: Record<string, string> = {
  all: 'Everyone',
  women: 'Women',
  girls: 'Girls',
  men: 'Men',
  boys: 'Boys',
  children: 'Children',
  migrants: 'Migrants',
  persons_with_disabilities: 'Persons with disabilities',
  lgbtiq: 'LGBTIQ persons',
};

/** Every table's CSV text, for the services the transaction may read. */
export async function exportHsds(tx: Transaction): Promise<Record<HsdsTable, string>> {
  const tables = hsdsRows(await listAllServices(tx, { shelterAddresses: false }));
  return Object.fromEntries(HSDS_TABLES.map((table) => [table, toCsv(table, tables[table])])) as Record<
    HsdsTable,
    string
  >;
}

export async function exportHsdsTable(tx: Transaction, table: HsdsTable): Promise<string> {
  const tables = hsdsRows(await listAllServices(tx, { shelterAddresses: false }));
  return toCsv(table, tables[table]);
}

function toCsv(table: HsdsTable, rows: HsdsRow[]): string {
  const columns = [...HSDS_COLUMNS[table]];
  return stringify(rows, { header: true, columns, record_delimiter: 'windows' });
}

/** The HSDS rows of each table for these services (pure: no I/O). */
export function hsdsRows(services: readonly ServiceView[]): Record<HsdsTable, HsdsRow[]> {
  const tables = Object.fromEntries(HSDS_TABLES.map((table) => [table, [] as HsdsRow[]])) as Record<
    HsdsTable,
    HsdsRow[]
  >;
  const providers = new Map<string, ServiceView['provider']>();
  const terms = new Map<string, HsdsRow>();
  for (const service of services) {
    providers.set(service.provider.id, service.provider);
    tables.service.push(serviceRow(service));
    addLocations(tables, service);
    addServiceDetails(tables, service);
    addAttributes(tables, terms, service);
  }
  for (const provider of providers.values()) {
    tables.organization.push({
      id: provider.id,
      name: provider.name,
      description: provider.description ?? '',
      email: provider.email ?? '',
      website: provider.website ?? '',
    });
  }
  tables.unit.push(PLACE_UNIT);
  tables.taxonomy_term.push(...terms.values());
  return tables;
}

function serviceRow(service: ServiceView): HsdsRow {
  return {
    id: service.id,
    organization_id: service.provider.id,
    name: service.name,
    description: service.description ?? '',
    url: service.website ?? '',
    email: service.email ?? '',
    status: 'active',
    eligibility_description: service.eligibility.map((code) => ELIGIBILITY_NAMES[code] ?? code).join(', '),
    last_modified: service.updatedAt,
  };
}

function addLocations(tables: Record<HsdsTable, HsdsRow[]>, service: ServiceView): void {
  for (const location of service.locations) {
    if (location.isConfidential) continue;
    tables.location.push({
      id: location.id,
      location_type: 'physical',
      organization_id: service.provider.id,
      name: location.name ?? '',
      latitude: location.latitude === null ? '' : String(location.latitude),
      longitude: location.longitude === null ? '' : String(location.longitude),
    });
    if (location.address || location.city || location.region || location.postalCode || location.country)
      tables.address.push({
        id: derivedId('address', location.id),
        location_id: location.id,
        address_1: location.address ?? '',
        city: location.city ?? '',
        state_province: location.region ?? '',
        postal_code: location.postalCode ?? '',
        // HSDS 3.0 asks for the ISO 3166-1 alpha-2 code here.
        country: location.country ? (isoCountries.alpha3ToAlpha2(location.country) ?? '') : '',
        address_type: 'physical',
      });
    tables.service_at_location.push({
      id: derivedId('service_at_location', service.id, location.id),
      service_id: service.id,
      location_id: location.id,
    });
  }
}

function addServiceDetails(tables: Record<HsdsTable, HsdsRow[]>, service: ServiceView): void {
  service.phones.forEach((phone, index) => {
    tables.phone.push({
      id: derivedId('phone', service.id, String(index)),
      service_id: service.id,
      number: phone.number,
      type: 'voice',
      description: phone.description ?? '',
    });
  });
  for (const code of service.languages)
    tables.language.push({
      id: derivedId('language', service.id, code),
      service_id: service.id,
      name: LANGUAGE_NAMES.of(code) ?? code,
      code,
    });
  service.openingHours.forEach((hours, index) => {
    tables.schedule.push({
      id: derivedId('schedule', service.id, String(index)),
      service_id: service.id,
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: hours.day,
      opens_at: hours.opens,
      closes_at: hours.closes,
    });
  });
  for (const iso3 of service.countries)
    tables.service_area.push({
      id: derivedId('service_area', service.id, iso3),
      service_id: service.id,
      name: isoCountries.getName(iso3, 'en') ?? iso3,
      extent: iso3,
      extent_type: 'text',
      uri: `urn:iso:std:iso:3166:-1:${iso3}`,
    });
  for (const area of service.areas)
    tables.service_area.push({
      id: derivedId('service_area', service.id, 'area', area),
      service_id: service.id,
      name: area,
    });
  if (service.capacity !== null || service.placesFree !== null)
    tables.service_capacity.push({
      id: derivedId('service_capacity', service.id),
      service_id: service.id,
      unit_id: PLACE_UNIT.id,
      available: service.placesFree === null ? '' : String(service.placesFree),
      maximum: service.capacity === null ? '' : String(service.capacity),
      updated: service.placesUpdatedAt ?? '',
    });
}

function addAttributes(
  tables: Record<HsdsTable, HsdsRow[]>,
  terms: Map<string, HsdsRow>,
  service: ServiceView,
): void {
  const link = (taxonomy: string, code: string, name: string) => {
    const termId = derivedId('taxonomy_term', taxonomy, code);
    if (!terms.has(termId)) terms.set(termId, { id: termId, code, name, taxonomy, language: 'en' });
    tables.attribute.push({
      id: derivedId('attribute', service.id, taxonomy, code),
      link_id: service.id,
      taxonomy_term_id: termId,
      link_type: taxonomy,
      link_entity: 'service',
      value: code,
      label: name,
    });
  };
  link(TAXONOMIES.category, service.category, categoryName(service.category));
  for (const code of service.eligibility) link(TAXONOMIES.eligibility, code, ELIGIBILITY_NAMES[code] ?? code);
  link(
    TAXONOMIES.visibility,
    service.isPublic ? 'public' : 'partners',
    service.isPublic ? 'Listed publicly' : 'Partners only',
  );
}

function categoryName(code: string): string {
  return getCodeListFile('service_category').codes.find((entry) => entry.code === code)?.labels.en ?? code;
}
