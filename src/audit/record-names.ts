// What an audit entry's record is called: organisations, people, activities and services by name, looked up for
// a whole page at once (one query per page, not one per entry) in the requester's transaction, so
// row-level security still decides which names they may read.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';

/** Record kinds whose id names a row with a name; memberships are recorded under the member's id. */
const NAMED_KINDS = {
  organisation: 'organisation',
  user: 'user',
  membership: 'user',
  activity: 'activity',
  service: 'service',
} as const;
type NamedKind = (typeof NAMED_KINDS)[keyof typeof NAMED_KINDS];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type RecordRef = { resourceType: string | null; resourceId: string | null };

function namedKind(resourceType: string | null): NamedKind | null {
  return resourceType && Object.hasOwn(NAMED_KINDS, resourceType)
    ? NAMED_KINDS[resourceType as keyof typeof NAMED_KINDS]
    : null;
}

/** A Postgres uuid[] literal; the ids were checked against UUID, so nothing else can enter it. */
function uuidArray(ids: Set<string>): string {
  return `{${[...ids].join(',')}}`;
}

/** The display name of each entry's record where one exists and is visible, by index in `entries`. */
export async function recordNames(tx: Queryable, entries: readonly RecordRef[]): Promise<(string | null)[]> {
  const wanted: Record<NamedKind, Set<string>> = {
    organisation: new Set(),
    user: new Set(),
    activity: new Set(),
    service: new Set(),
  };
  for (const entry of entries) {
    const kind = namedKind(entry.resourceType);
    if (kind && entry.resourceId && UUID.test(entry.resourceId))
      wanted[kind].add(entry.resourceId.toLowerCase());
  }
  const total = wanted.organisation.size + wanted.user.size + wanted.activity.size + wanted.service.size;
  const names = new Map<string, string>();
  if (total > 0) {
    const rows = await rowsOf<{ kind: NamedKind; id: string; name: string | null }>(
      tx,
      sql`select 'organisation' as kind, o.id::text as id, o.name as name
            from organisations o where o.id = any(${uuidArray(wanted.organisation)}::uuid[])
          union all
          select 'activity', a.id::text, a.title
            from activities a where a.id = any(${uuidArray(wanted.activity)}::uuid[])
          union all
          select 'service', s.id::text, s.name
            from services s where s.id = any(${uuidArray(wanted.service)}::uuid[])
          union all
          select 'user', person::text, app_user_display_name(person)
            from unnest(${uuidArray(wanted.user)}::uuid[]) as person`,
    );
    for (const row of rows) if (row.name) names.set(`${row.kind}:${row.id}`, row.name);
  }
  return entries.map((entry) => {
    const kind = namedKind(entry.resourceType);
    return kind && entry.resourceId ? (names.get(`${kind}:${entry.resourceId.toLowerCase()}`) ?? null) : null;
  });
}
