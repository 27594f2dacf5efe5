// Likely duplicate organisations: normalised names and acronyms compared with Jaro-Winkler. Pure; no I/O.

export type OrganisationIdentity = {
  id: string;
  name: string;
  acronym: string | null;
  names?: Record<string, string>;
};

export type DuplicateCandidate = {
  id: string;
  name: string;
  acronym: string | null;
  /** 0 to 1; 1 means the normalised names are the same. */
  score: number;
  reason: string;
};

/** Names at least this similar (Jaro-Winkler on normalised names) are flagged. */
export const NAME_SIMILARITY_THRESHOLD = 0.9;

/** Words that say what kind of body it is rather than which one, so "X Foundation" and "X" match. */
const GENERIC_WORDS = new Set([
  'the',
  'of',
  'for',
  'and',
  'de',
  'la',
  'le',
  'des',
  'du',
  'el',
  'y',
  'et',
  'inc',
  'ltd',
]);

/** Lower case, no accents, no punctuation, no generic words, single spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word && !GENERIC_WORDS.has(word))
    .join(' ');
}

export function normaliseAcronym(acronym: string | null | undefined): string {
  return (acronym ?? '')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toUpperCase();
}

/** Jaro-Winkler similarity (Winkler 1990): 1 for equal strings, 0 for nothing in common. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = true;
      bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** The initials of a name's significant words ("Safe Harbour Shelter Network" → "SHSN"). */
function initialsOf(normalisedName: string): string {
  return normalisedName
    .split(' ')
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();
}

/** How alike a proposed organisation is to an existing one, with the reason, or null when not alike. */
export function compareOrganisations(
  proposed: Omit<OrganisationIdentity, 'id'>,
  existing: OrganisationIdentity,
): DuplicateCandidate | null {
  const base = { id: existing.id, name: existing.name, acronym: existing.acronym };
  const proposedNames = [proposed.name, ...Object.values(proposed.names ?? {})].map(normaliseName);
  const existingNames = [existing.name, ...Object.values(existing.names ?? {})].map(normaliseName);
  let best = 0;
  for (const p of proposedNames)
    for (const e of existingNames) if (p && e) best = Math.max(best, jaroWinkler(p, e));
  if (best === 1)
    return { ...base, score: 1, reason: 'same name once case, accents and punctuation are set aside' };
  if (best >= NAME_SIMILARITY_THRESHOLD)
    return { ...base, score: round(best), reason: `similar name (${Math.round(best * 100)}% alike)` };
  const proposedAcronym = normaliseAcronym(proposed.acronym);
  const existingAcronym = normaliseAcronym(existing.acronym);
  if (proposedAcronym.length >= 2 && proposedAcronym === existingAcronym)
    return { ...base, score: Math.max(best, 0.95), reason: `same acronym ${existingAcronym}` };
  if (proposedAcronym.length >= 3 && existingNames.some((name) => initialsOf(name) === proposedAcronym))
    return {
      ...base,
      score: Math.max(best, 0.9),
      reason: `acronym ${proposedAcronym} spells the initials of its name`,
    };
  if (existingAcronym.length >= 3 && proposedNames.some((name) => initialsOf(name) === existingAcronym))
    return {
      ...base,
      score: Math.max(best, 0.9),
      reason: `its acronym ${existingAcronym} spells the initials of this name`,
    };
  return null;
}

/** Every existing organisation that the proposed one may duplicate, most alike first. */
export function findLikelyDuplicates(
  proposed: Omit<OrganisationIdentity, 'id'>,
  existing: readonly OrganisationIdentity[],
  exceptId?: string,
): DuplicateCandidate[] {
  return existing
    .filter((candidate) => candidate.id !== exceptId)
    .map((candidate) => compareOrganisations(proposed, candidate))
    .filter((found): found is DuplicateCandidate => found !== null)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
