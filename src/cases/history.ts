// A case's history: the audit entries on the case, its person record, its referrals and the break-glass
// grants on it, read through app_case_history (migration 0038), which answers only for a case the requester
// sees. The names of people and organisations the entries mention are looked up for the whole page at once.
import { sql } from 'drizzle-orm';
import type { AuditOutcome } from '../audit/index.js';
import { rowsOf, type Transaction } from '../platform/db.js';
import { describeHistoryEntry } from './history-events.js';
import type { CaseHistoryEntry } from './history-schemas.js';
import type { ConsentEntry } from './schemas.js';

type HistoryRow = {
  seq: string | number;
  at: Date | string;
  actor_name: string | null;
  action: string;
  outcome: string;
  resource_type: string | null;
  organisation_name: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Postgres uuid[] literal of the ids that are uuids; nothing else can enter it. */
function uuidArray(ids: Iterable<string | null>): string {
  return `{${[...new Set([...ids].filter((id): id is string => id !== null && UUID.test(id)))].join(',')}}`;
}

export async function listCaseHistory(
  tx: Transaction,
  caseId: string,
  page: { limit: number; before?: number | undefined },
): Promise<{ data: CaseHistoryEntry[]; nextBefore: number | null }> {
  // One more than asked tells whether an older page exists without counting.
  const rows = await rowsOf<HistoryRow>(
    tx,
    sql`select * from app_case_history(${caseId}::uuid, ${page.before ?? null}::bigint, ${page.limit + 1}::int)`,
  );
  const shown = rows.slice(0, page.limit);
  const described = shown.map((row) =>
    describeHistoryEntry({ action: row.action, resourceType: row.resource_type, details: row.details ?? {} }),
  );
  const names = await namesOf(
    tx,
    described.map((each) => each.workerId),
    described.flatMap((each) => [each.consent?.recipientId ?? null, each.referral?.toOrganisationId ?? null]),
  );
  const data = shown.map((row, index): CaseHistoryEntry => {
    const each = described[index] as (typeof described)[number];
    return {
      seq: Number(row.seq),
      at: new Date(row.at).toISOString(),
      actorName: row.actor_name,
      event: each.event,
      action: row.action,
      outcome: row.outcome as AuditOutcome,
      organisationName: row.organisation_name,
      reason: row.reason,
      status: each.status,
      facts: each.facts,
      personFields: each.personFields,
      workerName: each.workerId ? (names.people.get(each.workerId) ?? null) : null,
      screeningOutcomes: each.screeningOutcomes,
      consent: each.consent
        ? {
            purpose: each.consent.purpose as ConsentEntry['purpose'],
            decision: each.consent.decision as ConsentEntry['decision'],
            recipientName: names.organisations.get(each.consent.recipientId ?? '') ?? null,
          }
        : null,
      referral: each.referral
        ? {
            toOrganisationName: names.organisations.get(each.referral.toOrganisationId ?? '') ?? null,
            service: each.referral.service,
            from: each.referral.from,
            to: each.referral.to,
            consentOverride: each.referral.consentOverride,
          }
        : null,
    };
  });
  return { data, nextBefore: rows.length > page.limit ? (data.at(-1)?.seq ?? null) : null };
}

async function namesOf(tx: Transaction, people: (string | null)[], organisations: (string | null)[]) {
  const rows = await rowsOf<{ kind: 'person' | 'organisation'; id: string; name: string | null }>(
    tx,
    sql`select 'person' as kind, person::text as id, app_user_display_name(person) as name
          from unnest(${uuidArray(people)}::uuid[]) as person
        union all
        select 'organisation', o.id::text, o.name
          from organisations o where o.id = any(${uuidArray(organisations)}::uuid[])`,
  );
  const found = { people: new Map<string, string>(), organisations: new Map<string, string>() };
  for (const row of rows) {
    if (!row.name) continue;
    (row.kind === 'person' ? found.people : found.organisations).set(row.id, row.name);
  }
  return found;
}
