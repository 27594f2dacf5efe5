// The audit trail as a hash chain: appending an entry, verifying the chain, and listing entries.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { recordNames } from './record-names.js';
import { auditEntries } from './schema.js';
import type { AuditActorVia, AuditEntry, AuditEntryList, AuditFilters, AuditOutcome } from './schemas.js';

/** What happened, as a use case or the request layer reports it. */
export type AuditEvent = {
  actorUserId: string | null;
  actorVia: AuditActorVia;
  action: string;
  outcome: AuditOutcome;
  resourceType?: string | null;
  resourceId?: string | null;
  organisationId?: string | null;
  reason?: string | null;
  ipAddress?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
};

/** The fields an entry's hash covers: everything but the hashes themselves. */
export type HashedEntry = {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorVia: string;
  action: string;
  outcome: string;
  resourceType: string | null;
  resourceId: string | null;
  organisationId: string | null;
  reason: string | null;
  ipAddress: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
};

export type ChainBreak = { seq: number; reason: string };

export type ChainVerification = { checked: number; total: number; firstBroken: ChainBreak | null };

export type VerifyOptions = {
  /** Entries read per query; memory stays bounded whatever the trail's length. */
  batchSize?: number;
  onProgress?: (checked: number, total: number) => void;
};

/** The `prev_hash` of entry 1; `audit_chain_tip()` returns it for an empty trail. */
export const GENESIS_HASH = '0'.repeat(64);

type AuditRow = typeof auditEntries.$inferSelect;
type Link = { seq: number; hash: string };

/** SHA-256 (hex) of the previous hash, a newline, and the entry as canonical JSON. Pure. */
export function entryHash(prevHash: string, entry: HashedEntry): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalContent(entry)}`)
    .digest('hex');
}

/** What an entry's hash covers, as canonical JSON. */
function canonicalContent(entry: HashedEntry): string {
  return canonicalJson({
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    actorVia: entry.actorVia,
    action: entry.action,
    outcome: entry.outcome,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    organisationId: entry.organisationId,
    reason: entry.reason,
    ipAddress: entry.ipAddress,
    requestId: entry.requestId,
    details: entry.details,
  });
}

/**
 * JSON with object keys sorted at every depth, so that equal content always hashes the same. For
 * JSON values this is the JSON Canonicalization Scheme (RFC 8785), so others can recompute hashes.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return sortKeys(toJSON.call(value));
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
}

/**
 * Appends one entry after the chain's tip in a single statement: the tip function takes the chain's
 * lock, and the database computes the new link's hash from the tip and the entry's canonical content,
 * so an append costs one round trip and needs no transaction of its own. Inside a transaction the lock
 * is held until that transaction ends (call it in the transaction that makes the change, so both commit
 * or neither); concurrent appends still form one gap-free chain. Works under the unprivileged role: the
 * tip function is security definer and the insert policy admits every row.
 */
export async function appendAudit(
  db: Queryable,
  event: AuditEvent,
  at = new Date(),
): Promise<{ seq: number; hash: string }> {
  const [link] = await rowsOf<{ seq: number | string | bigint; hash: string }>(
    db,
    appendStatement(event, at),
  );
  if (!link) throw new Error('audit_chain_tip() returned no row');
  return { seq: Number(link.seq), hash: link.hash };
}

/**
 * The statement appendAudit runs, for a transaction that sends it together with its COMMIT: the
 * chain's lock is then held only while the server runs both, never while an answer travels back.
 */
export function appendStatement(event: AuditEvent, at = new Date()): SQL {
  const entry = hashedEntryOf(event, 0, at);
  // No RETURNING: it would need the requester to be allowed to read the row back; the link's CTE
  // gives the seq and hash instead.
  return sql`
    with tip as (select tip_seq, tip_hash from audit_chain_tip()),
    link as (
      select tip_seq + 1 as seq, tip_hash as prev_hash,
             encode(sha256(convert_to(
               tip_hash || chr(10) || ${contentBeforeSeq(entry)}::text || (tip_seq + 1)::text || '}', 'UTF8')), 'hex') as hash
      from tip),
    appended as (
      insert into audit_entries (seq, at, actor_user_id, actor_via, action, outcome, resource_type,
        resource_id, organisation_id, reason, ip_address, request_id, details, prev_hash, hash)
      select seq, ${at.toISOString()}::timestamptz, ${entry.actorUserId}::uuid, ${entry.actorVia}::text,
        ${entry.action}::text, ${entry.outcome}::text, ${entry.resourceType}::text, ${entry.resourceId}::text,
        ${entry.organisationId}::uuid, ${entry.reason}::text, ${entry.ipAddress}::text, ${entry.requestId}::text,
        ${JSON.stringify(entry.details)}::jsonb, prev_hash, hash
      from link)
    select seq, hash from link`;
}

/**
 * The entry's canonical JSON up to its seq, which sorts last among the hashed fields: the database
 * appends the seq it takes under the lock and the closing brace, giving what entryHash hashes.
 */
function contentBeforeSeq(entry: HashedEntry): string {
  const content = canonicalContent({ ...entry, seq: 0 });
  if (!content.endsWith(',"seq":0}')) throw new Error('the seq must be the last key of an audit entry');
  return content.slice(0, -'0}'.length);
}

function hashedEntryOf(event: AuditEvent, seq: number, at: Date): HashedEntry {
  return {
    seq,
    // The column keeps microseconds, a Date milliseconds: storing the Date itself round-trips exactly.
    at,
    actorUserId: event.actorUserId,
    actorVia: event.actorVia,
    action: storable(event.action),
    outcome: event.outcome,
    resourceType: storable(event.resourceType ?? null),
    resourceId: storable(event.resourceId ?? null),
    organisationId: event.organisationId ?? null,
    reason: storable(event.reason ?? null),
    ipAddress: storable(event.ipAddress ?? null),
    requestId: storable(event.requestId ?? null),
    // Hash what jsonb will give back: no undefined members, dates as strings.
    details: storable(JSON.parse(JSON.stringify(event.details ?? {}))) as Record<string, unknown>,
  };
}

/** A lone surrogate (half of a UTF-16 pair) or a NUL character: text PostgreSQL cannot store. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character this must find.
const UNSTORABLE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/g;

/**
 * The value with every unstorable character replaced by U+FFFD, in keys as in values: a request may
 * carry such text, and its audit entry must still be written and hash what the database keeps.
 */
function storable<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\ufffd') as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [storable(key), storable(member)]),
  ) as T;
}

/**
 * Re-reads the whole trail in seq order and names the first broken link. Run it as the connecting
 * (privileged) user: under the request role, row-level security would hide entries and look like gaps.
 * Removing the newest entries leaves a shorter chain that is still whole; only a copy of the tip kept
 * elsewhere can show that.
 */
export async function verifyAuditChain(
  db: Queryable,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 1000;
  const { total, lastSeq } = await chainExtent(db);
  let previous: Link = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  while (previous.seq < lastSeq) {
    const batch = await readBatch(db, previous.seq, lastSeq, batchSize);
    if (batch.length === 0) return { checked, total, firstBroken: missing(previous.seq + 1, lastSeq + 1) };
    for (const row of batch) {
      const broken = findBreak(previous, row);
      if (broken) return { checked, total, firstBroken: broken };
      checked += 1;
      previous = row;
    }
    options.onProgress?.(checked, total);
  }
  return { checked, total, firstBroken: null };
}

/** How many entries there are, and the last seq to read: later appends are left for the next run. */
async function chainExtent(db: Queryable): Promise<{ total: number; lastSeq: number }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      lastSeq: sql<number>`coalesce(max(${auditEntries.seq}), 0)::int8`,
    })
    .from(auditEntries);
  return { total: Number(row?.total ?? 0), lastSeq: Number(row?.lastSeq ?? 0) };
}

/** Keyset pagination: each batch starts after the last seq seen, so no batch rescans earlier ones. */
function readBatch(db: Queryable, afterSeq: number, lastSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEntries)
    .where(and(gt(auditEntries.seq, afterSeq), lte(auditEntries.seq, lastSeq)))
    .orderBy(asc(auditEntries.seq))
    .limit(limit);
}

function findBreak(previous: Link, row: AuditRow): ChainBreak | null {
  if (row.seq !== previous.seq + 1) return missing(previous.seq + 1, row.seq);
  if (entryHash(row.prevHash, row) !== row.hash) {
    return {
      seq: row.seq,
      reason: `entry ${row.seq} was changed after it was written: its hash does not match its content`,
    };
  }
  if (row.prevHash === previous.hash) return null;
  const reason =
    previous.seq === 0
      ? 'entry 1 does not start the chain: its prev_hash is not the genesis hash'
      : `entry ${row.seq} does not follow entry ${previous.seq}: prev_hash differs`;
  return { seq: row.seq, reason };
}

/** Entries from `firstSeq` up to (not including) `nextSeq` are absent. */
function missing(firstSeq: number, nextSeq: number): ChainBreak {
  const lastMissing = nextSeq - 1;
  const reason =
    lastMissing === firstSeq
      ? `entry ${firstSeq} is missing`
      : `entries ${firstSeq} to ${lastMissing} are missing`;
  return { seq: firstSeq, reason };
}

/**
 * One page of entries, newest first. Runs in the requester's transaction: row-level security decides
 * which entries they see, so the query adds only the caller's filters.
 */
export async function listAuditEntries(tx: Queryable, filters: AuditFilters): Promise<AuditEntryList> {
  const c = auditEntries;
  const rows = await tx
    .select({
      entry: c,
      actorName: sql<string | null>`app_user_display_name(${c.actorUserId})`,
      organisationName: sql<
        string | null
      >`(select o.name from organisations o where o.id = ${c.organisationId})`,
    })
    .from(c)
    .where(
      and(
        filters.userId ? eq(c.actorUserId, filters.userId) : undefined,
        filters.user ? actorMatching(filters.user) : undefined,
        filters.action ? eq(c.action, filters.action) : undefined,
        filters.resourceType ? eq(c.resourceType, filters.resourceType) : undefined,
        filters.resourceId ? eq(c.resourceId, filters.resourceId) : undefined,
        filters.organisationId ? eq(c.organisationId, filters.organisationId) : undefined,
        filters.from ? gte(c.at, new Date(filters.from)) : undefined,
        filters.to ? lt(c.at, new Date(filters.to)) : undefined,
        filters.before ? lt(c.seq, filters.before) : undefined,
      ),
    )
    .orderBy(desc(c.seq))
    // One more than asked tells whether an older page exists without counting.
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const hasMore = rows.length > filters.limit;
  const resourceNames = await recordNames(
    tx,
    page.map(({ entry }) => entry),
  );
  return {
    data: page.map(({ entry, actorName, organisationName }, index) => ({
      ...toAuditEntry(entry),
      actorName,
      organisationName,
      resourceName: resourceNames[index] ?? null,
    })),
    nextBefore: hasMore ? (page.at(-1)?.entry.seq ?? null) : null,
  };
}

/** Entries by the people whose name or email contains the text (the users the requester may see). */
function actorMatching(text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return sql`${auditEntries.actorUserId} in (select u.id from users u where u.display_name ilike ${pattern} or u.email ilike ${pattern})`;
}

function toAuditEntry(row: AuditRow): Omit<AuditEntry, 'actorName' | 'organisationName' | 'resourceName'> {
  return {
    ...row,
    at: row.at.toISOString(),
    // Only appendAudit writes entries, and its types admit only these values.
    actorVia: row.actorVia as AuditActorVia,
    outcome: row.outcome as AuditOutcome,
  };
}
