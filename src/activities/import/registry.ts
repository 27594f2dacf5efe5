// The organisations and mechanisms a file may name, looked up by id, name or acronym (loaded once per file).
import { coordinationMechanisms, organisations } from '../../partners/index.js';
import type { Queryable } from '../../platform/db.js';

type Named = { id: string; name: string; acronym: string | null; actorType?: string };

export type Lookup = { found: Named } | { found: null; reason: string };

export class Registry {
  private readonly byId = new Map<string, Named>();
  private readonly byKey = new Map<string, Named[]>();
  private readonly mechanismsById = new Map<string, Named>();
  private readonly mechanismsByKey = new Map<string, Named[]>();

  constructor(orgs: readonly Named[], mechanisms: readonly Named[]) {
    index(orgs, this.byId, this.byKey);
    index(mechanisms, this.mechanismsById, this.mechanismsByKey);
  }

  organisation(key: string): Lookup {
    return lookup(key, this.byId, this.byKey, 'organisation');
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
  const [orgs, mechanisms] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        acronym: organisations.acronym,
        actorType: organisations.actorType,
      })
      .from(organisations),
    db
      .select({
        id: coordinationMechanisms.id,
        name: coordinationMechanisms.name,
        acronym: coordinationMechanisms.acronym,
      })
      .from(coordinationMechanisms),
  ]);
  return new Registry(orgs, mechanisms);
}
