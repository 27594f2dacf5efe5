// Areas a publisher gives figures for that are not ISO countries: its own regional codes, joint areas
// ("Aruba/Curacao") and territories without an ISO code ("Sark"). Pure: names and members from data files.
import {
  buildCountryList,
  buildM49Areas,
  countriesInArea,
  isKnownIso3,
  LANGUAGES,
  type Labels,
} from '../reference/index.js';
import AREAS from './data/publisher-areas.json' with { type: 'json' };
import { iso3OfCountry, m49OfArea } from './terms.js';

export type PublisherAreaKind = 'region' | 'joint' | 'territory';

/** One area as the publisher defines it; `members` are the ISO3 countries it holds where they are known. */
export type PublisherArea = {
  code: string;
  kind: PublisherAreaKind;
  names: Labels;
  /** The M49 area whose countries this area holds, when it is one under the publisher's code. */
  sameAsM49: string | null;
  /** The M49 area this area lies in (for a territory, its country's sub-region). */
  parentM49: string | null;
  members: string[];
};

/** What a publisher's row says about where its figure is. */
export type PublishedPlace = { code: string; name: string; region: string; subregion: string };

type RegionEntry = { sameAsM49: string; level: string };
const REGIONS = AREAS.publishers as Record<string, Record<string, RegionEntry>>;
const TERRITORIES = AREAS.territories as Record<string, { code: string; parentIso3: string; names: Labels }>;

export const PUBLISHER_AREAS_VERSION = AREAS.version;

/** An M49 code can never be a publisher's code: those are digits, publishers' codes are letters. */
export function isM49Code(code: string): boolean {
  return /^\d{3}$/.test(code);
}

const sameName = (name: string): Labels =>
  Object.fromEntries(LANGUAGES.map((lang) => [lang, name])) as unknown as Labels;

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

function m49Area(code: string) {
  return buildM49Areas().find((area) => area.code === code) ?? null;
}

function subregionOf(iso3: string): string | null {
  const country = buildCountryList().find((c) => c.iso3 === iso3);
  return country?.intermediateRegionCode ?? country?.subregionCode ?? null;
}

/**
 * The publisher area a row names, or null when the row names a country (or nothing we can keep).
 * A row whose code is an ISO country is that country, except for a joint area named "A/B".
 */
export function publisherAreaOf(source: string, place: PublishedPlace): PublisherArea | null {
  const code = place.code.trim().toUpperCase();
  const name = place.name.trim();
  const joint = jointAreaOf(code, name);
  if (joint) return joint;
  if (code && isKnownIso3(code)) return null;
  const territory = TERRITORIES[normalise(name)];
  if (territory) {
    return {
      code: code || territory.code,
      kind: 'territory',
      names: territory.names,
      sameAsM49: null,
      parentM49: subregionOf(territory.parentIso3),
      members: [],
    };
  }
  const isAggregateRow = place.region.trim() === '' && place.subregion.trim() === '';
  const known = code ? REGIONS[source]?.[code] : undefined;
  if (known || (code && /^[A-Z]{2,8}$/.test(code) && isAggregateRow)) {
    return regionOf(code, name, known?.sameAsM49 ?? (name ? m49OfArea(name) : null));
  }
  // A place with a region but neither an ISO code nor a country's name: a territory kept as published.
  if (!code && name && !iso3OfCountry(name) && !m49OfArea(name) && !isAggregateRow) {
    return {
      code: name.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '_'),
      kind: 'territory',
      names: sameName(name),
      sameAsM49: null,
      parentM49: m49OfArea(place.subregion) ?? m49OfArea(place.region),
      members: [],
    };
  }
  return null;
}

function regionOf(code: string, name: string, sameAsM49: string | null): PublisherArea {
  const area = sameAsM49 ? m49Area(sameAsM49) : null;
  return {
    code,
    kind: 'region',
    names: area?.names ?? sameName(name || code),
    sameAsM49: area?.code ?? null,
    parentM49: area?.parentCode ?? null,
    members: area ? countriesInArea(buildCountryList(), area.code).map((c) => c.iso3) : [],
  };
}

/** "Aruba/Curacao": two or more countries reported together under one name. */
function jointAreaOf(code: string, name: string): PublisherArea | null {
  if (!name.includes('/')) return null;
  const members = name.split('/').map((part) => iso3OfCountry(part));
  if (members.length < 2 || members.some((iso3) => iso3 === null)) return null;
  const iso3s = members as string[];
  const countries = iso3s.map((iso3) => buildCountryList().find((c) => c.iso3 === iso3));
  const names = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, countries.map((c) => c?.names[lang] ?? '').join(' / ')]),
  ) as unknown as Labels;
  const parents = new Set(iso3s.map(subregionOf));
  return {
    code: code && !isKnownIso3(code) ? code : iso3s.join('+'),
    kind: 'joint',
    names,
    sameAsM49: null,
    parentM49: parents.size === 1 ? ([...parents][0] ?? null) : null,
    members: iso3s,
  };
}
