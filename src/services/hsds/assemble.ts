// From HSDS rows to services as Concerted records them, with a problem for every row that cannot be used:
// its file, row and column, what is wrong and how to fix it. Pure: no I/O.
import isoCountries from 'i18n-iso-countries';
import type { z } from 'zod';
import { codesOf } from '../../reference/vocabulary.js';
import {
  CreateServiceRequest,
  ELIGIBILITIES,
  LanguageCode,
  type LocationInput,
  LocationInput as LocationShape,
  type OpeningHours,
  Phone,
  ProviderInput,
  type ServiceInput,
  WEEKDAYS,
} from '../schemas.js';
import type { HsdsProblem, HsdsTables, SourcedRow } from './read-files.js';
import { TAXONOMIES } from './tables.js';

export type ImportedService = {
  id: string;
  organizationId: string;
  service: ServiceInput;
};
export type ImportedProvider = { id: string; row: number; provider: ProviderInput };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CATEGORIES = codesOf('service_category');

class Problems {
  readonly list: HsdsProblem[] = [];
  add(file: string, row: number | null, column: string | null, problem: string, fix: string) {
    this.list.push({ file, row, column, problem, fix });
  }
}

/** Groups a table's rows by the value of one column. */
function byColumn(rows: readonly SourcedRow[] | undefined, column: string): Map<string, SourcedRow[]> {
  const map = new Map<string, SourcedRow[]>();
  for (const row of rows ?? []) {
    const key = row.values[column] ?? '';
    if (!key) continue;
    map.set(key, [...(map.get(key) ?? []), row]);
  }
  return map;
}

export function assembleServices(tables: HsdsTables): {
  providers: ImportedProvider[];
  services: ImportedService[];
  problems: HsdsProblem[];
} {
  const problems = new Problems();
  if (!tables.organization?.length || !tables.service?.length)
    problems.add(
      tables.service ? 'organization.csv' : 'service.csv',
      null,
      null,
      'The set has no organizations or no services.',
      'Send at least organization.csv and service.csv, each with a header row and one row per record.',
    );
  const providers = readProviders(tables, problems);
  const terms = readTerms(tables);
  const services: ImportedService[] = [];
  const seen = new Set<string>();
  for (const row of tables.service ?? []) {
    const id = row.values.id ?? '';
    if (!UUID.test(id)) {
      problems.add(
        'service.csv',
        row.row,
        'id',
        `"${id}" is not a UUID.`,
        'Give each service a UUID as its id.',
      );
      continue;
    }
    if (seen.has(id.toLowerCase())) {
      problems.add(
        'service.csv',
        row.row,
        'id',
        'The same id is on an earlier row.',
        'Give each service its own id.',
      );
      continue;
    }
    seen.add(id.toLowerCase());
    const organizationId = row.values.organization_id ?? '';
    if (!providers.has(organizationId))
      problems.add(
        'service.csv',
        row.row,
        'organization_id',
        organizationId
          ? `No organization with id "${organizationId}" in organization.csv.`
          : 'No organization is named.',
        'Give the id of the organization that provides the service, as written in organization.csv.',
      );
    const service = assembleService(row, tables, terms, problems);
    if (service) services.push({ id: id.toLowerCase(), organizationId, service });
  }
  return { providers: [...providers.values()], services, problems: problems.list };
}

function readProviders(tables: HsdsTables, problems: Problems): Map<string, ImportedProvider> {
  const providers = new Map<string, ImportedProvider>();
  for (const row of tables.organization ?? []) {
    const v = row.values;
    if (!v.id) {
      problems.add('organization.csv', row.row, 'id', 'The id is empty.', 'Give each organization an id.');
      continue;
    }
    const parsed = ProviderInput.safeParse({
      name: v.name ?? '',
      ...(v.description ? { description: v.description } : {}),
      ...(v.email ? { email: v.email } : {}),
      ...(v.website ? { website: v.website } : {}),
    });
    if (!parsed.success) {
      reportIssues(problems, 'organization.csv', row.row, parsed.error.issues, ORGANIZATION_COLUMNS);
      continue;
    }
    providers.set(v.id, { id: v.id, row: row.row, provider: parsed.data });
  }
  return providers;
}

type Terms = Map<string, { taxonomy: string; code: string; name: string }>;

function readTerms(tables: HsdsTables): Terms {
  const terms: Terms = new Map();
  for (const row of tables.taxonomy_term ?? [])
    terms.set(row.values.id ?? '', {
      taxonomy: row.values.taxonomy ?? '',
      code: row.values.code ?? '',
      name: row.values.name ?? '',
    });
  return terms;
}

function assembleService(
  row: SourcedRow,
  tables: HsdsTables,
  terms: Terms,
  problems: Problems,
): ServiceInput | null {
  const id = row.values.id ?? '';
  const linked = (table: keyof HsdsTables) => byColumn(tables[table], 'service_id').get(id) ?? [];
  const attributes = (byColumn(tables.attribute, 'link_id').get(id) ?? []).map((a) => ({
    row: a,
    term: terms.get(a.values.taxonomy_term_id ?? ''),
  }));
  const category = categoryOf(row, attributes, problems);
  const eligibility = attributes
    .filter((a) => a.term?.taxonomy === TAXONOMIES.eligibility)
    .map((a) => a.term?.code ?? '');
  for (const code of eligibility)
    if (!(ELIGIBILITIES as readonly string[]).includes(code))
      problems.add(
        'taxonomy_term.csv',
        null,
        'code',
        `"${code}" is not an eligibility Concerted knows.`,
        `Use one of: ${ELIGIBILITIES.join(', ')}.`,
      );
  const isPublic = attributes.some(
    (a) => a.term?.taxonomy === TAXONOMIES.visibility && a.term.code === 'public',
  );
  const input = {
    name: row.values.name ?? '',
    category: category ?? 'shelter',
    ...(row.values.description ? { description: row.values.description } : {}),
    ...(row.values.email ? { email: row.values.email } : {}),
    ...(row.values.url ? { website: row.values.url } : {}),
    countries: [] as string[],
    areas: [] as string[],
    languages: languagesOf(linked('language'), problems),
    eligibility: eligibility.filter((code) => (ELIGIBILITIES as readonly string[]).includes(code)),
    openingHours: scheduleOf(linked('schedule'), problems),
    phones: phonesOf(linked('phone'), problems),
    isPublic,
    locations: locationsOf(linked('service_at_location'), tables, problems),
    ...capacityOf(linked('service_capacity'), problems),
  };
  for (const area of linked('service_area')) {
    const extent = area.values.extent ?? '';
    if (/^[A-Z]{3}$/.test(extent)) {
      if (isoCountries.isValid(extent)) input.countries.push(extent);
      else
        problems.add(
          'service_area.csv',
          area.row,
          'extent',
          `"${extent}" is not an ISO 3166-1 alpha-3 country code.`,
          'Give the three-letter code of the country (for example KEN), or leave extent empty for an area named in words.',
        );
    } else if (area.values.name) input.areas.push(area.values.name);
  }
  const parsed = CreateServiceRequest.safeParse({
    organisationId: '00000000-0000-4000-8000-000000000000',
    provider: { name: 'checked apart' },
    ...input,
  });
  if (!parsed.success) {
    reportIssues(problems, 'service.csv', row.row, parsed.error.issues, SERVICE_COLUMNS);
    return null;
  }
  if (!category) return null;
  const { organisationId: _holder, provider: _provider, ...service } = parsed.data;
  return service;
}

function categoryOf(
  row: SourcedRow,
  attributes: { term: { taxonomy: string; code: string; name: string } | undefined }[],
  problems: Problems,
): string | null {
  const found = attributes
    .map((a) => a.term)
    .filter((term) => term && (term.taxonomy === TAXONOMIES.category || CATEGORIES.includes(term.code)))
    .map((term) => term?.code ?? '');
  const known = found.filter((code) => CATEGORIES.includes(code));
  if (known.length === 1) return known[0] ?? null;
  problems.add(
    'service.csv',
    row.row,
    'id',
    known.length === 0
      ? `The service has no category${found.length ? ` Concerted knows (found ${found.join(', ')})` : ''}.`
      : `The service has ${known.length} categories; it needs exactly one.`,
    `Link the service by one attribute row to a taxonomy_term of the ${TAXONOMIES.category} taxonomy whose code is one of: ${CATEGORIES.join(', ')}.`,
  );
  return null;
}

function languagesOf(rows: SourcedRow[], problems: Problems): string[] {
  const codes: string[] = [];
  for (const row of rows) {
    const code = (row.values.code ?? '').toLowerCase();
    if (LanguageCode.safeParse(code).success) {
      if (!codes.includes(code)) codes.push(code);
    } else
      problems.add(
        'language.csv',
        row.row,
        'code',
        `"${row.values.code ?? ''}" is not an ISO 639 language code.`,
        'Give the two-letter code of the language, for example sw for Swahili or ar for Arabic.',
      );
  }
  return codes;
}

function scheduleOf(rows: SourcedRow[], problems: Problems): OpeningHours[] {
  const hours: OpeningHours[] = [];
  for (const row of rows) {
    const days = (row.values.byday ?? '')
      .split(',')
      .map((day) => day.trim().toUpperCase())
      .filter(Boolean);
    const opens = (row.values.opens_at ?? '').slice(0, 5);
    const closes = (row.values.closes_at ?? '').slice(0, 5);
    const badDay = days.find((day) => !(WEEKDAYS as readonly string[]).includes(day));
    if (days.length === 0 || badDay)
      problems.add(
        'schedule.csv',
        row.row,
        'byday',
        badDay ? `"${badDay}" is not a day.` : 'No day is given.',
        'List the days as in iCalendar, separated by commas: MO, TU, WE, TH, FR, SA, SU.',
      );
    else if (!/^\d\d:\d\d$/.test(opens) || !/^\d\d:\d\d$/.test(closes) || opens >= closes)
      problems.add(
        'schedule.csv',
        row.row,
        /^\d\d:\d\d$/.test(opens) ? 'closes_at' : 'opens_at',
        'The opening hours are missing or closing comes before opening.',
        'Give opens_at and closes_at as HH:MM, closing after opening (for example 08:30 and 17:00).',
      );
    else for (const day of days) hours.push({ day: day as OpeningHours['day'], opens, closes });
  }
  return hours;
}

function phonesOf(rows: SourcedRow[], problems: Problems) {
  const phones: Phone[] = [];
  for (const row of rows) {
    const parsed = Phone.safeParse({
      number: row.values.number ?? '',
      ...(row.values.description ? { description: row.values.description } : {}),
    });
    if (parsed.success) phones.push(parsed.data);
    else
      problems.add(
        'phone.csv',
        row.row,
        'number',
        `"${row.values.number ?? ''}" is not a phone number.`,
        'Write the number with digits, spaces, brackets or dashes, and a leading + for the country code.',
      );
  }
  return phones;
}

function capacityOf(rows: SourcedRow[], problems: Problems) {
  const [row, ...more] = rows;
  if (!row) return {};
  if (more.length > 0)
    problems.add(
      'service_capacity.csv',
      more[0]?.row ?? null,
      'service_id',
      'The service has more than one capacity row.',
      'Give one row of capacity (places) per service.',
    );
  const count = (column: 'available' | 'maximum') => {
    const text = row.values[column] ?? '';
    if (text === '') return null;
    if (/^\d{1,7}$/.test(text)) return Number(text);
    problems.add(
      'service_capacity.csv',
      row.row,
      column,
      `"${text}" is not a number of places.`,
      'Give a whole number of places, 0 or more, or leave it empty.',
    );
    return null;
  };
  return { placesFree: count('available'), capacity: count('maximum') };
}

function locationsOf(links: SourcedRow[], tables: HsdsTables, problems: Problems): LocationInput[] {
  const locations = byColumn(tables.location, 'id');
  const addresses = byColumn(tables.address, 'location_id');
  const result: LocationInput[] = [];
  for (const link of links) {
    const [location] = locations.get(link.values.location_id ?? '') ?? [];
    if (!location) {
      problems.add(
        'service_at_location.csv',
        link.row,
        'location_id',
        `No location with id "${link.values.location_id ?? ''}" in location.csv.`,
        'Give the id of a location row of location.csv.',
      );
      continue;
    }
    const [address] = addresses.get(location.values.id ?? '') ?? [];
    const alpha2 = address?.values.country ?? '';
    const country = alpha2 ? isoCountries.alpha2ToAlpha3(alpha2.toUpperCase()) : undefined;
    if (alpha2 && !country && address)
      problems.add(
        'address.csv',
        address.row,
        'country',
        `"${alpha2}" is not an ISO 3166-1 alpha-2 country code.`,
        'Give the two-letter code of the country, for example KE for Kenya.',
      );
    const number = (text: string | undefined) => (text ? Number(text) : undefined);
    const candidate = {
      ...(location.values.name ? { name: location.values.name } : {}),
      ...(address?.values.address_1 ? { address: address.values.address_1 } : {}),
      ...(address?.values.city ? { city: address.values.city } : {}),
      ...(address?.values.state_province || address?.values.region
        ? { region: address.values.state_province || address.values.region }
        : {}),
      ...(address?.values.postal_code ? { postalCode: address.values.postal_code } : {}),
      ...(country ? { country } : {}),
      ...(location.values.latitude ? { latitude: number(location.values.latitude) } : {}),
      ...(location.values.longitude ? { longitude: number(location.values.longitude) } : {}),
    };
    const parsed = LocationShape.safeParse(candidate);
    if (parsed.success) result.push(parsed.data);
    else reportIssues(problems, 'location.csv', location.row, parsed.error.issues, LOCATION_COLUMNS);
  }
  return result;
}

/** Where each field of Concerted's record comes from in the HSDS files. */
const ORGANIZATION_COLUMNS: Record<string, string> = {
  name: 'name',
  description: 'description',
  email: 'email',
  website: 'website',
};
const SERVICE_COLUMNS: Record<string, [string, string]> = {
  name: ['service.csv', 'name'],
  description: ['service.csv', 'description'],
  email: ['service.csv', 'email'],
  website: ['service.csv', 'url'],
  placesFree: ['service_capacity.csv', 'available'],
  capacity: ['service_capacity.csv', 'maximum'],
  areas: ['service_area.csv', 'name'],
};
const LOCATION_COLUMNS: Record<string, string> = {
  name: 'name',
  latitude: 'latitude',
  longitude: 'longitude',
  address: 'address.csv address_1',
  city: 'address.csv city',
  region: 'address.csv state_province',
  postalCode: 'address.csv postal_code',
};

function reportIssues(
  problems: Problems,
  file: string,
  row: number,
  issues: readonly z.core.$ZodIssue[],
  columns: Record<string, string | [string, string]>,
) {
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    const mapped = columns[field];
    const [where, column] = Array.isArray(mapped) ? mapped : [file, mapped ?? field];
    problems.add(where, where === file ? row : null, column, `${column}: ${issue.message}.`, fixFor(issue));
  }
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return 'Fill it in; it cannot be empty.';
    case 'too_big':
      return 'Shorten it, or lower the number.';
    case 'invalid_format':
      return `Write it as a valid ${issue.format}.`;
    default:
      return 'Correct the value as the message says, then import again.';
  }
}
