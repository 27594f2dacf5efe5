// Invented cases and referrals for the demo: a case manager at the legal aid centre, three cases of the
// shelter referred to it (one overdue, one accepted, one referred without consent by a manager's decision)
// and one case of the legal aid centre referred to the shelter. No real person; no person record at all.
// Not part of the default demo dataset, whose case tables tests expect empty: the browser tests and the
// demo server for screenshots add it with withDemoReferrals.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { totpContext } from '../access/accounts.js';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../access/demo.js';
import { hashPassword } from '../access/passwords.js';
import { memberships, users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';
import type { Sealer } from '../platform/crypto.js';
import type { DatabaseHandle, Queryable } from '../platform/db.js';
import { MINIMUM_NECESSARY, type ReferralStatus, type Service } from './referral-rules.js';
import { caseConsents, cases, caseWorkers, referralEvents, referrals } from './schema.js';
import type { CaseFacts } from './schemas.js';
import { newCaseCode } from './store.js';

/** A case manager of the legal aid centre, so that referrals have someone to receive them. */
export const DEMO_REFERRAL_RECEIVER = {
  email: 'legal.case.manager@demo.concerted.invalid',
  displayName: 'Lior Legalcase (demo)',
  role: 'case_manager',
  organisation: 'legal',
  totpSecret: 'CONCERTEDDEMOLEGALCASEMG',
} as const;

const DAY = 86_400_000;
const isoDay = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);

type DemoCase = {
  holder: 'shelter' | 'legal';
  facts: CaseFacts;
  referral: {
    service: Service;
    dueInDays: number;
    history: { status: ReferralStatus; reason?: string }[];
    note: string;
    consentOverride?: string;
  };
};

const DEMO_CASES: DemoCase[] = [
  {
    holder: 'shelter',
    facts: {
      sex: 'female',
      ageBandAtIdentification: '21-23',
      citizenship: 'NPL',
      formsOfExploitation: ['domestic_servitude'],
    },
    referral: {
      service: 'legal_aid',
      dueInDays: -3,
      history: [{ status: 'requested' }],
      note: 'Needs advice on a residence permit before the reflection period ends.',
    },
  },
  {
    holder: 'shelter',
    facts: {
      sex: 'male',
      ageBandAtIdentification: '30-38',
      citizenship: 'ETH',
      formsOfExploitation: ['forced_labour'],
    },
    referral: {
      service: 'interpretation',
      dueInDays: 10,
      history: [{ status: 'requested' }, { status: 'accepted' }],
      note: 'An interpreter for Amharic at the interview with the labour inspectors.',
    },
  },
  {
    holder: 'shelter',
    facts: { sex: 'female', ageBandAtIdentification: '9-17', formsOfExploitation: ['sexual_exploitation'] },
    referral: {
      service: 'counselling',
      dueInDays: 2,
      history: [{ status: 'requested' }],
      note: 'Counselling before the hearing; the guardian is being appointed.',
      consentOverride:
        'A guardian is not yet appointed and the hearing is in two days; counselling cannot wait.',
    },
  },
  {
    holder: 'legal',
    facts: {
      sex: 'female',
      ageBandAtIdentification: '24-26',
      citizenship: 'UGA',
      formsOfExploitation: ['forced_labour'],
    },
    referral: {
      service: 'shelter',
      dueInDays: 1,
      history: [{ status: 'requested' }],
      note: 'Safe accommodation needed from tomorrow evening.',
    },
  },
];

export async function loadDemoReferrals(tx: Queryable, sealer: Sealer): Promise<number> {
  const orgRows = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      inArray(
        organisations.name,
        DEMO_ORGANISATIONS.map((org) => org.name),
      ),
    );
  const orgId = (key: 'shelter' | 'legal') => {
    const name = DEMO_ORGANISATIONS.find((org) => org.key === key)?.name;
    const id = orgRows.find((row) => row.name === name)?.id;
    if (!id) throw new Error(`the demo organisation "${key}" is missing`);
    return id;
  };
  const receiverId = await addReceiver(tx, sealer, orgId('legal'));
  const staff = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, ['case.manager@demo.concerted.invalid', 'case.worker@demo.concerted.invalid']),
    );
  const shelterManager = staff.find((u) => u.email.startsWith('case.manager'))?.id ?? null;
  const shelterWorker = staff.find((u) => u.email.startsWith('case.worker'))?.id ?? null;
  const now = new Date();
  let written = 1;
  for (const demo of DEMO_CASES) {
    const holder = orgId(demo.holder);
    const recipient = orgId(demo.holder === 'shelter' ? 'legal' : 'shelter');
    const author = demo.holder === 'shelter' ? shelterWorker : receiverId;
    const caseId = randomUUID();
    const code = newCaseCode(now);
    await tx
      .insert(cases)
      .values({ id: caseId, code, organisationId: holder, createdBy: author, ...demo.facts });
    if (author) await tx.insert(caseWorkers).values({ caseId, userId: author });
    const { referral } = demo;
    const creator = referral.consentOverride ? shelterManager : author;
    if (!referral.consentOverride)
      await tx.insert(caseConsents).values({
        caseId,
        purpose: 'share_with_organisation',
        recipientOrganisationId: recipient,
        decision: 'given',
        givenBy: 'person',
        recordedBy: author,
      });
    const referralId = randomUUID();
    const shared = MINIMUM_NECESSARY[referral.service];
    const status = referral.history.at(-1)?.status ?? 'requested';
    await tx.insert(referrals).values({
      id: referralId,
      caseId,
      caseCode: code,
      fromOrganisationId: holder,
      toOrganisationId: recipient,
      service: referral.service,
      sharedPersonFields: shared.person,
      sharedFacts: shared.facts,
      status,
      dueOn: isoDay(now, referral.dueInDays),
      note: referral.note,
      consentOverrideReason: referral.consentOverride ?? null,
      consentOverrideBy: referral.consentOverride ? shelterManager : null,
      createdBy: creator,
      version: referral.history.length,
    });
    for (const [index, event] of referral.history.entries())
      await tx.insert(referralEvents).values({
        referralId,
        status: event.status,
        reason: event.reason ?? null,
        byUserId: index === 0 ? creator : receiverId,
        at: new Date(now.getTime() - (referral.history.length - index) * 3_600_000),
      });
    written += 3 + referral.history.length;
  }
  return written;
}

async function addReceiver(tx: Queryable, sealer: Sealer, organisationId: string): Promise<string> {
  const demo = DEMO_REFERRAL_RECEIVER;
  const id = randomUUID();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx.insert(users).values({
    id,
    email: demo.email,
    displayName: demo.displayName,
    passwordHash,
    totpSecretSealed: sealer.seal(demo.totpSecret, totpContext(id)),
    totpEnabledAt: new Date(),
  });
  await tx.insert(memberships).values({ userId: id, organisationId, role: demo.role });
  return id;
}

/** Adds the invented referrals to a database that holds the demo dataset, in one transaction. */
export async function withDemoReferrals(database: DatabaseHandle, sealer: Sealer): Promise<void> {
  await database.db.transaction((tx) => loadDemoReferrals(tx, sealer));
}
