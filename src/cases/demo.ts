// Invented cases for the demo, so that case workers and managers have something to open: facts only, no
// person record (personal data is sealed with the installation's master key, which the seed never holds).
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { caseConsents, caseScreenings, cases, caseWorkers } from './schema.js';
import type { CaseFacts, CaseStatus } from './schemas.js';
import { screenAnswers } from './screening/index.js';

type DemoCase = {
  code: string;
  status: CaseStatus;
  facts: CaseFacts;
  assignedToWorker: boolean;
  screening?: { ageAtRecruitment: number; answers: Record<string, string>; indicators: string[] };
  consents: { purpose: string; decision: string }[];
};

const DEMO_CASES: readonly DemoCase[] = [
  {
    code: 'C-2026-D3M0A1',
    status: 'Active',
    facts: {
      sex: 'female',
      gender: 'woman',
      ageBandAtIdentification: '18-20',
      citizenship: 'NPL',
      recruitmentCountries: ['NPL'],
      transitCountries: ['IND'],
      exploitationCountries: ['KEN'],
      formsOfExploitation: ['forced_labour'],
      recruiterRelation: 'friend',
    },
    assignedToWorker: true,
    screening: {
      ageAtRecruitment: 19,
      answers: { recruited: 'yes', deceived: 'yes', forced_labour: 'yes', crossed_border: 'yes' },
      indicators: ['no_pay_or_very_low_pay'],
    },
    consents: [
      { purpose: 'receive_services', decision: 'given' },
      { purpose: 'statistics', decision: 'given' },
    ],
  },
  {
    code: 'C-2026-D3M0B2',
    status: 'FollowUp',
    facts: {
      sex: 'male',
      ageBandAtIdentification: '9-17',
      citizenship: 'UGA',
      exploitationCountries: ['KEN'],
    },
    assignedToWorker: true,
    consents: [{ purpose: 'receive_services', decision: 'given' }],
  },
  {
    code: 'C-2026-D3M0C3',
    status: 'Active',
    facts: { sex: 'female', ageBandAtIdentification: '24-26', citizenship: 'ETH' },
    assignedToWorker: false,
    consents: [],
  },
];

/** Loads the demo cases into the shelter's organisation; returns how many rows it wrote. */
export async function loadDemoCases(tx: Queryable): Promise<number> {
  const [shelter] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, 'Safe Harbour Shelter Network (demo)'));
  const staff = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, ['case.manager@demo.concerted.invalid', 'case.worker@demo.concerted.invalid']),
    );
  const manager = staff.find((user) => user.email.startsWith('case.manager'))?.id;
  const worker = staff.find((user) => user.email.startsWith('case.worker'))?.id;
  if (!shelter || !manager || !worker) return 0;
  let written = 0;
  for (const demo of DEMO_CASES) {
    const id = randomUUID();
    await tx.insert(cases).values({
      id,
      code: demo.code,
      status: demo.status,
      organisationId: shelter.id,
      createdBy: manager,
      ...demo.facts,
    });
    // The third case waits for someone to be assigned: its manager sees it, the worker does not.
    const workers = demo.assignedToWorker ? [manager, worker] : [];
    if (workers.length)
      await tx.insert(caseWorkers).values(workers.map((userId) => ({ caseId: id, userId })));
    if (demo.screening) {
      const result = screenAnswers(demo.screening);
      await tx.insert(caseScreenings).values({
        caseId: id,
        rulesVersion: result.rulesVersion,
        ageAtRecruitment: demo.screening.ageAtRecruitment,
        answers: demo.screening.answers,
        indicators: demo.screening.indicators,
        outcomes: result.outcomes,
        screenedBy: worker,
      });
      written++;
    }
    for (const consent of demo.consents)
      await tx
        .insert(caseConsents)
        .values({ caseId: id, ...consent, givenBy: 'person', recordedBy: manager });
    written += 1 + workers.length + demo.consents.length;
  }
  return written;
}
