// The organisations an IATI activity names: matched by IATI identifier first, then by name, or proposed as provisional.
import hints from './iati-hints.json' with { type: 'json' };
import { type Narrative, preferredText } from './narratives.js';
import type { ProposedOrganisation, Registry } from './registry.js';

const ACTOR_TYPES: Record<string, string> = hints.iatiOrganisationTypeToActorType;
const UN_LANGUAGES = new Set(['ar', 'zh', 'en', 'fr', 'ru', 'es']);

/** What a file says about one organisation: `reporting-org` or `participating-org`. */
export type NamedOrganisation = { ref: string | null; type: string | null; narratives: Narrative[] };

export type OrganisationMatch =
  | { kind: 'registered'; id: string; name: string; by: 'iati identifier' | 'name' }
  | { kind: 'proposed'; id: string; name: string; proposal: ProposedOrganisation }
  | { kind: 'unknown'; name: string | null };

/** Matches by IATI identifier, then by any of its names; proposes a provisional entry when allowed. */
export function matchOrganisation(
  org: NamedOrganisation,
  registry: Registry,
  mayPropose: boolean,
): OrganisationMatch {
  if (org.ref) {
    const byRef = registry.organisationByIatiIdentifier(org.ref);
    if (byRef) return { kind: 'registered', id: byRef.id, name: byRef.name, by: 'iati identifier' };
  }
  for (const narrative of org.narratives) {
    const lookup = registry.organisation(narrative.text);
    if (lookup.found) return { kind: 'registered', id: lookup.found.id, name: lookup.found.name, by: 'name' };
  }
  const name = preferredText(org.narratives) ?? org.ref;
  if (!mayPropose || !name) return { kind: 'unknown', name };
  const proposal = registry.propose({
    name,
    names: otherLanguageNames(org.narratives, name),
    iatiIdentifier: org.ref,
    iatiOrganisationType: org.type,
    actorType: ACTOR_TYPES[org.type ?? ''] ?? 'other',
  });
  return { kind: 'proposed', id: proposal.id, name: proposal.name, proposal };
}

/** The organisation's names in the other UN languages, as the registry keeps them. */
function otherLanguageNames(narratives: readonly Narrative[], name: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const { lang, text } of narratives)
    if (lang && UN_LANGUAGES.has(lang) && text !== name && !names[lang]) names[lang] = text;
  return names;
}

/** The sentence a reader needs when a registered organisation was found by name while the file gives its identifier. */
export function matchWarning(
  match: OrganisationMatch,
  org: NamedOrganisation,
  registry: Registry,
): string | null {
  if (match.kind !== 'registered' || match.by !== 'name' || !org.ref) return null;
  const recorded = registry.organisationIatiIdentifier(match.id);
  if (recorded && recorded.toLowerCase() !== org.ref.toLowerCase())
    return `"${match.name}" was matched by name, but the registry records IATI identifier ${recorded}, not ${org.ref}; check that it is the same organisation`;
  if (!recorded)
    return `"${match.name}" was matched by name; add its IATI identifier ${org.ref} to its profile so that files match it by identifier`;
  return null;
}
