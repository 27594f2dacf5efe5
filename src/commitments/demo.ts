// Two invented signatories, a travel association and an employers' alliance, with commitments in each
// state (published or a draft; active or lapsed) and progress reports, public and internal.
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { commitmentProgressReports, commitments } from './schema.js';

type DemoProgress = { reportedOn: string; summary: string; isPublic: boolean };
type DemoCommitment = Omit<typeof commitments.$inferInsert, 'organisationId'> & { progress: DemoProgress[] };

export const DEMO_SIGNATORIES: readonly {
  name: string;
  acronym: string;
  countries: string[];
  mandate: string;
  commitments: DemoCommitment[];
}[] = [
  {
    name: 'Lakeside Travel and Tourism Association (demo)',
    acronym: 'LTTA',
    countries: ['KEN', 'UGA'],
    mandate: 'Brings together tour operators, lodges and travel agents around the lakes (illustrative).',
    commitments: [
      {
        code: 'travel_child_protection_code',
        signedOn: '2024-03-01',
        countries: ['KEN', 'UGA'],
        sectors: ['travel_tourism', 'hospitality'],
        undertaking:
          'Train all front-desk staff and guides to recognise and report the sexual exploitation of children, put a child-protection clause in every supplier contract, and inform travellers (illustrative).',
        status: 'active',
        isPublished: true,
        progress: [
          {
            reportedOn: '2024-11-15',
            summary: 'Trained 120 front-desk staff and guides in 14 member lodges (illustrative).',
            isPublic: true,
          },
          {
            reportedOn: '2025-06-30',
            summary: 'Two member lodges have not yet signed the supplier clause; follow-up visits planned.',
            isPublic: false,
          },
        ],
      },
      {
        code: 'athens_ethical_principles',
        signedOn: '2019-05-10',
        countries: [],
        sectors: ['travel_tourism'],
        undertaking:
          'Refuse any part in trafficking in persons and say so to members and clients (illustrative).',
        status: 'lapsed',
        isPublished: true,
        progress: [],
      },
    ],
  },
  {
    name: 'Fair Employers’ Alliance of East Africa (demo)',
    acronym: 'FEAEA',
    countries: ['KEN', 'UGA'],
    mandate:
      'An association of employers committed to ethical recruitment of migrant workers (illustrative).',
    commitments: [
      {
        code: 'employer_pays_principle',
        signedOn: '2025-01-20',
        countries: ['KEN', 'UGA'],
        sectors: ['recruitment', 'construction', 'domestic_work'],
        undertaking:
          'No worker pays a recruitment fee or cost: members and their recruiters bear them all, and reimburse any fee found to have been charged (illustrative).',
        status: 'active',
        isPublished: true,
        progress: [
          {
            reportedOn: '2025-09-01',
            summary: 'Audited the recruiters of 30 members; reimbursed fees to 212 workers (illustrative).',
            isPublic: true,
          },
        ],
      },
      {
        code: 'other',
        otherCodeName: 'Regional code of conduct for labour recruiters (demo)',
        signedOn: '2026-02-01',
        countries: ['UGA'],
        sectors: ['recruitment'],
        undertaking:
          'Keep no worker’s passport or documents, and give every contract in a language the worker reads.',
        status: 'active',
        isPublished: false,
        progress: [],
      },
    ],
  },
];

export async function loadDemoCommitments(tx: Queryable): Promise<number> {
  let written = 0;
  for (const signatory of DEMO_SIGNATORIES) {
    const [organisation] = await tx
      .insert(organisations)
      .values({
        name: signatory.name,
        acronym: signatory.acronym,
        actorType: 'private_sector',
        headquartersIso3: signatory.countries[0] ?? null,
        countriesOfOperation: signatory.countries,
        mandate: signatory.mandate,
      })
      .returning({ id: organisations.id });
    if (!organisation) continue;
    for (const { progress, ...commitment } of signatory.commitments) {
      const [row] = await tx
        .insert(commitments)
        .values({ ...commitment, organisationId: organisation.id })
        .returning({ id: commitments.id });
      if (!row) continue;
      if (progress.length > 0)
        await tx
          .insert(commitmentProgressReports)
          .values(progress.map((report) => ({ ...report, commitmentId: row.id })));
      written += 1 + progress.length;
    }
    written += 1;
  }
  return written;
}
