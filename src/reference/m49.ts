// The UN M49 hierarchy (world, regions, sub-regions, intermediate regions), derived from CLDR's territory containment.
import territoryContainment from 'cldr-core/supplemental/territoryContainment.json' with { type: 'json' };
import { LANGUAGES, type Labels, type Language, type M49Area } from './schemas.js';

type Containment = Record<string, { _contains: string[] } | undefined>;
const CONTAINMENT = territoryContainment.supplemental.territoryContainment as unknown as Containment;

export const CLDR_VERSION = territoryContainment.supplemental.version._cldrVersion;
export const WORLD = '001';

/**
 * CLDR lists Africa's and the Americas' sub-regions flat and marks 202 (Sub-Saharan Africa) and 419
 * (Latin America and the Caribbean) as mere groupings. M49 (unstats.un.org/unsd/methodology/m49)
 * makes these two sub-regions and the CLDR sub-regions inside them intermediate regions.
 */
const M49_SUBREGION_GROUPINGS = ['202', '419'];

export type CountryPlacement = {
  regionCode: string | null;
  subregionCode: string | null;
  intermediateRegionCode: string | null;
};

const isAreaCode = (code: string) => /^\d{3}$/.test(code);
const isCountryCode = (code: string) => /^[A-Z]{2}$/.test(code);
const membersOf = (code: string): string[] => CONTAINMENT[code]?._contains ?? [];
const byCode = (a: string, b: string) => a.localeCompare(b);

type AreaNode = Omit<M49Area, 'names'>;

/** The hierarchy without names: world, then each region followed by its sub-regions and intermediates. */
function buildAreaNodes(): AreaNode[] {
  const nodes: AreaNode[] = [{ code: WORLD, level: 'world', parentCode: null }];
  for (const region of membersOf(WORLD).filter(isAreaCode).sort(byCode)) {
    nodes.push({ code: region, level: 'region', parentCode: WORLD });
    // Groupings of a region are listed under the key "<region>-status-grouping".
    const groupings = membersOf(`${region}-status-grouping`).filter((g) =>
      M49_SUBREGION_GROUPINGS.includes(g),
    );
    const grouped = new Set(groupings.flatMap(membersOf));
    const subregions = membersOf(region).filter((code) => isAreaCode(code) && !grouped.has(code));
    for (const code of [...subregions, ...groupings].sort(byCode)) {
      nodes.push({ code, level: 'subregion', parentCode: region });
      if (!groupings.includes(code)) continue;
      for (const inner of membersOf(code).filter(isAreaCode).sort(byCode)) {
        nodes.push({ code: inner, level: 'intermediate', parentCode: code });
      }
    }
  }
  return nodes;
}

const displayNames = new Map<Language, Intl.DisplayNames>(
  LANGUAGES.map((lang) => [lang, new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })]),
);

/** CLDR writes "world" and "весь мир" in lower case for use inside sentences; a list shows them as titles. */
function titleCase(name: string, lang: Language): string {
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** An area's name in the six languages, from the ICU/CLDR data built into Node. */
export function areaNames(code: string): Labels {
  const names = {} as Labels;
  for (const lang of LANGUAGES) names[lang] = titleCase(displayNames.get(lang)?.of(code) ?? code, lang);
  return names;
}

let areasCache: M49Area[] | undefined;

/** Every M49 area with its names; computed once. */
export function buildM49Areas(): M49Area[] {
  areasCache ??= buildAreaNodes().map((node) => ({ ...node, names: areaNames(node.code) }));
  return areasCache;
}

export function isKnownM49Area(code: string): boolean {
  return buildM49Areas().some((area) => area.code === code);
}

let placementCache: Map<string, CountryPlacement> | undefined;

/** Where each ISO alpha-2 country sits in M49, keyed by alpha-2. */
function placements(): Map<string, CountryPlacement> {
  if (placementCache) return placementCache;
  const areas = new Map(buildM49Areas().map((area) => [area.code, area]));
  placementCache = new Map();
  for (const area of areas.values()) {
    if (area.level !== 'subregion' && area.level !== 'intermediate') continue;
    const isIntermediate = area.level === 'intermediate';
    const subregionCode = isIntermediate ? area.parentCode : area.code;
    const regionCode = subregionCode ? (areas.get(subregionCode)?.parentCode ?? null) : null;
    for (const country of membersOf(area.code).filter(isCountryCode)) {
      placementCache.set(country, {
        regionCode,
        subregionCode,
        intermediateRegionCode: isIntermediate ? area.code : null,
      });
    }
  }
  return placementCache;
}

const UNPLACED: CountryPlacement = { regionCode: null, subregionCode: null, intermediateRegionCode: null };

/** A country's region, sub-region and intermediate region; all null where M49 places it nowhere (Antarctica). */
export function placementOf(alpha2: string): CountryPlacement {
  return placements().get(alpha2) ?? UNPLACED;
}
