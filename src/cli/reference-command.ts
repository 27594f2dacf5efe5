// `concerted reference …`: shows countries, M49 regions and code lists straight from the shipped data (no database).
import { Command, Option } from 'commander';
import {
  CODE_LIST_NAMES,
  CODE_LISTS,
  codeListFromFile,
  isCodeListName,
} from '../reference/code-list-data.js';
import { buildCountryList } from '../reference/countries.js';
import { buildM49Areas } from '../reference/m49.js';
import { LANGUAGES, type Language } from '../reference/schemas.js';
import { action, printJson, printTable } from './output.js';

type ListOptions = { json?: boolean; lang: Language };
type Row = Record<string, string | number | null>;
/** What one list prints: the API-shaped value for --json, and rows whose last column is the label. */
type Listing = { json: unknown; rows: Row[] };

const FIXED_NAMES = ['countries', 'regions', 'code-lists'] as const;

export function referenceCommand(): Command {
  const reference = new Command('reference').description(
    'countries, UN M49 regions and the shared code lists, as shipped with this version',
  );
  reference
    .command('list')
    .description('print one reference list as a table (or JSON)')
    .argument('<name>', `${FIXED_NAMES.join(', ')} or a code list name (${CODE_LIST_NAMES.join(', ')})`)
    .option('--json', 'print the list as JSON, in the shape the API returns')
    .addOption(
      new Option('--lang <lang>', 'language of the labels in the table').choices(LANGUAGES).default('en'),
    )
    .action(
      action((name: string, options: ListOptions) => {
        const listing = listingFor(name, options.lang);
        if (options.json) printJson(listing.json);
        else printTable(listing.rows);
      }),
    );
  return reference;
}

function listingFor(name: string, lang: Language): Listing {
  if (name === 'countries') return countriesListing(lang);
  if (name === 'regions') return regionsListing(lang);
  if (name === 'code-lists') return codeListsListing(lang);
  if (isCodeListName(name)) return codeListListing(name, lang);
  const known = [...FIXED_NAMES, ...CODE_LIST_NAMES].join(', ');
  throw new Error(`no reference list named "${name}"; try: ${known}`);
}

function countriesListing(lang: Language): Listing {
  const countries = buildCountryList();
  const rows = countries.map((c) => ({
    iso3: c.iso3,
    iso2: c.iso2,
    numeric: c.numeric,
    region: c.regionCode,
    subregion: c.subregionCode,
    intermediate: c.intermediateRegionCode,
    name: c.names[lang],
  }));
  return { json: { data: countries }, rows };
}

function regionsListing(lang: Language): Listing {
  const areas = buildM49Areas();
  const rows = areas.map((a) => ({
    code: a.code,
    level: a.level,
    parent: a.parentCode,
    name: a.names[lang],
  }));
  return { json: { data: areas }, rows };
}

function codeListsListing(lang: Language): Listing {
  const summaries = CODE_LISTS.map(({ codes, ...list }) => ({ ...list, codeCount: codes.length }));
  const rows = summaries.map((s) => ({
    name: s.name,
    version: s.version,
    codes: s.codeCount,
    label: s.labels[lang],
  }));
  return { json: { data: summaries }, rows };
}

function codeListListing(name: (typeof CODE_LIST_NAMES)[number], lang: Language): Listing {
  const file = CODE_LISTS.find((list) => list.name === name);
  if (!file) throw new Error(`code list ${name} is not loaded`);
  const list = codeListFromFile(file);
  const hasParents = list.codes.some((c) => c.parentCode !== null);
  const rows = list.codes.map((c) => ({
    code: c.code,
    // Only lists whose codes belong to another list (activity types to pillars) get a parent column.
    ...(hasParents ? { parent: c.parentCode ? `${c.parentList}:${c.parentCode}` : null } : {}),
    label: c.labels[lang],
  }));
  return { json: { data: list }, rows };
}
