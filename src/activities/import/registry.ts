// The organisations and mechanisms a file may name, looked up by IATI identifier, id, name or acronym (loaded once per file).
import { randomUUID } from 'node:crypto';
import { coordinationMechanisms, organisations } from '../../partners/index.js';
import type { Queryable } from '../../platform/db.js';

type Named = {
  id: string;
  name: string;
  acronym: string | null;
  actorType?: string;
  iatiIdentifier?: string | null;
  names?: Record<string, string>;
};

/** An organisation a file names that the registry does not know, to be registered as provisional if its record is kept. */
export type ProposedOrganisation = {
  id: string;
  name: string;
  names: Record<string, string>;
  iatiIdentifier: string | null;
  iatiOrganisationType: string | null;
  actorType: string;
};

/** How many distinct spellings of organisations a registry remembers the answer for. */
const LOOKUPS_KEPT = 10_000;

export type Lookup = { found: Named } | { found: null; reason: string };

export class Registry {
  private readonly byId = new Map<string, Named>();
  private readonly byKey = new Map<string, Named[]>();
  private readonly mechanismsById = new Map<string, Named>();
  private readonly mechanismsByKey = new Map<string, Named[]>();
  private readonly byIatiIdentifier = new Map<string, Named>();
  private readonly proposals = new Map<string, ProposedOrganisation>();
  private readonly organisationLookups = new Map<string, Lookup>();

  constructor(orgs: readonly Named[], mechanisms: readonly Named[]) {
    index(orgs, this.byId, this.byKey);
    index(mechanisms, this.mechanismsById, this.mechanismsByKey);
    for (const org of orgs)
      if (org.iatiIdentifier) this.byIatiIdentifier.set(normalise(org.iatiIdentifier), org);
  }

  /** The registered organisation with this IATI organisation identifier (case aside). */
  organisationByIatiIdentifier(ref: string): Named | undefined {
    return this.byIatiIdentifier.get(normalise(ref));
  }

  organisationIatiIdentifier(id: string): string | null {
    return this.byId.get(id)?.iatiIdentifier ?? null;
  }

  /**
   * The provisional entry for an organisation the registry lacks: the same one for every mention in the file (by
   * IATI identifier, else by name), so that a file naming it twenty times registers it once.
   */
  propose(proposal: Omit<ProposedOrganisation, 'id'>): ProposedOrganisation {
    const keys = [
      proposal.iatiIdentifier ? `ref:${normalise(proposal.iatiIdentifier)}` : null,
      `name:${normalise(proposal.name)}`,
    ].filter((key): key is string => key !== null);
    for (const key of keys) {
      const known = this.proposals.get(key);
      // A name shared by organisations with different identifiers is not the same organisation.
      if (known && (key.startsWith('ref:') || !known.iatiIdentifier || !proposal.iatiIdentifier))
        return known;
    }
    const taken = [...this.proposals.values()].some((p) => normalise(p.name) === normalise(proposal.name));
    const name =
      taken && proposal.iatiIdentifier ? `${proposal.name} (${proposal.iatiIdentifier})` : proposal.name;
    const created = { ...proposal, name, id: randomUUID() };
    for (const key of keys) if (!this.proposals.has(key)) this.proposals.set(key, created);
    return created;
  }

  organisation(key: string): Lookup {
    // A file names the same few organisations on row after row: each spelling is looked up once.
    const known = this.organisationLookups.get(key);
    if (known) return known;
    const found = lookup(key, this.byId, this.byKey, 'organisation');
    if (this.organisationLookups.size < LOOKUPS_KEPT) this.organisationLookups.set(key, found);
    return found;
  }

  organisationName(id: string): string | undefined {
    return this.byId.get(id)?.name;
  }

  organisationActorType(id: string): string | undefined {
    return this.byId.get(id)?.actorType;
  }

  mechanism(key: string): Lookup {
    return lookup(key, this.mechanismsById, this.mechanismsByKey, 'coordination mechanism');
  }

  mechanismName(id: string): string | undefined {
    return this.mechanismsById.get(id)?.name;
  }
}

function index(items: readonly Named[], byId: Map<string, Named>, byKey: Map<string, Named[]>) {
  for (const item of items) {
    byId.set(item.id, item);
    for (const key of new Set([normalise(item.name), item.acronym ? normalise(item.acronym) : ''])) {
      if (!key) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), item]);
    }
  }
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function lookup(key: string, byId: Map<string, Named>, byKey: Map<string, Named[]>, kind: string): Lookup {
  const byIdentity = byId.get(key.trim().toLowerCase());
  if (byIdentity) return { found: byIdentity };
  const matches = byKey.get(normalise(key)) ?? [];
  // A name beats an acronym that happens to equal it.
  const exactName = matches.filter((m) => normalise(m.name) === normalise(key));
  if (exactName.length === 1 && exactName[0]) return { found: exactName[0] };
  if (matches.length === 1 && matches[0]) return { found: matches[0] };
  if (matches.length > 1)
    return {
      found: null,
      reason: `"${key}" names several ${kind}s (${matches.map((m) => m.name).join(', ')}); use the full name`,
    };
  return {
    found: null,
    reason: `no ${kind} "${key}" in the registry; register it first or check the spelling`,
  };
}

export async function loadRegistry(db: Queryable): Promise<Registry> {
  const orgs = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      acronym: organisations.acronym,
      actorType: organisations.actorType,
      iatiIdentifier: organisations.iatiIdentifier,
    })
    .from(organisations);
  const mechanisms = await db
    .select({
      id: coordinationMechanisms.id,
      name: coordinationMechanisms.name,
      acronym: coordinationMechanisms.acronym,
    })
    .from(coordinationMechanisms);
  return new Registry(orgs, mechanisms);
}
