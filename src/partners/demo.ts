// Illustrative partner profiles, focal points and coordination mechanisms for the demo organisations.
import { inArray } from 'drizzle-orm';
import { DEMO_ORGANISATIONS } from '../access/demo.js';
import type { Queryable } from '../platform/db.js';
import {
  coordinationMechanisms,
  focalPointContacts,
  focalPoints,
  mechanismMeetings,
  mechanismMembers,
  organisations,
} from './schema.js';

type Key = (typeof DEMO_ORGANISATIONS)[number]['key'];

const PROFILES: Record<
  Key,
  { countries: string[]; mandate: string; focalPoint: { name: string; position: string; email: string } }
> = {
  office: {
    countries: ['KEN'],
    mandate: 'Coordinates the national response and the national referral mechanism (illustrative).',
    focalPoint: {
      name: 'Demo Focal Point, Coordination Office',
      position: 'Head of coordination',
      email: 'focal.office@demo.concerted.invalid',
    },
  },
  shelter: {
    countries: ['KEN', 'UGA'],
    mandate: 'Runs shelters and counselling for women and girls who survived trafficking (illustrative).',
    focalPoint: {
      name: 'Demo Focal Point, Shelter Network',
      position: 'Referrals officer',
      email: 'focal.shelter@demo.concerted.invalid',
    },
  },
  legal: {
    countries: ['UGA', 'KEN'],
    mandate: 'Gives legal aid to victims and trains prosecutors across the region (illustrative).',
    focalPoint: {
      name: 'Demo Focal Point, Legal Aid Centre',
      position: 'Lead lawyer',
      email: 'focal.legal@demo.concerted.invalid',
    },
  },
  institute: {
    countries: ['TZA', 'UGA', 'KEN'],
    mandate: 'Researches migration and trafficking routes in East Africa (illustrative).',
    focalPoint: {
      name: 'Demo Focal Point, Migration Institute',
      position: 'Research director',
      email: 'focal.institute@demo.concerted.invalid',
    },
  },
};

export const DEMO_MECHANISMS = [
  {
    key: 'task_force',
    name: 'National Task Force against Trafficking in Persons (demo)',
    acronym: 'NTF',
    kind: 'national_task_force' as const,
    countries: ['KEN'],
    members: [
      ['office', 'chair'],
      ['shelter', 'member'],
    ] as const,
  },
  {
    key: 'network',
    name: 'East Africa Counter-Trafficking Network (demo)',
    acronym: 'EACTN',
    kind: 'regional_network' as const,
    countries: ['KEN', 'UGA', 'TZA'],
    members: [
      ['office', 'member'],
      ['legal', 'secretariat'],
      ['institute', 'member'],
    ] as const,
  },
];

/** Demo organisation ids by key. */
export async function demoOrganisationIds(tx: Queryable): Promise<Record<Key, string>> {
  const rows = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      inArray(
        organisations.name,
        DEMO_ORGANISATIONS.map((o) => o.name),
      ),
    );
  return Object.fromEntries(
    DEMO_ORGANISATIONS.map((o) => [o.key, rows.find((r) => r.name === o.name)?.id ?? '']),
  ) as Record<Key, string>;
}

export async function loadDemoPartners(tx: Queryable): Promise<number> {
  const ids = await demoOrganisationIds(tx);
  let written = 0;
  for (const [key, profile] of Object.entries(PROFILES) as [Key, (typeof PROFILES)[Key]][]) {
    await tx
      .update(organisations)
      .set({ countriesOfOperation: profile.countries, mandate: profile.mandate })
      .where(inArray(organisations.id, [ids[key]]));
    const [point] = await tx
      .insert(focalPoints)
      .values({
        organisationId: ids[key],
        name: profile.focalPoint.name,
        position: profile.focalPoint.position,
        topics: ['referrals', 'data'],
        languages: ['en'],
      })
      .returning({ id: focalPoints.id });
    if (point)
      await tx
        .insert(focalPointContacts)
        .values({ focalPointId: point.id, organisationId: ids[key], email: profile.focalPoint.email });
    written += 2;
  }
  for (const mechanism of DEMO_MECHANISMS) {
    const [row] = await tx
      .insert(coordinationMechanisms)
      .values({
        name: mechanism.name,
        acronym: mechanism.acronym,
        kind: mechanism.kind,
        countries: mechanism.countries,
        establishedOn: '2024-01-15',
      })
      .returning({ id: coordinationMechanisms.id });
    if (!row) continue;
    await tx.insert(mechanismMembers).values(
      mechanism.members.map(([key, role]) => ({
        mechanismId: row.id,
        organisationId: ids[key],
        role,
        joinedOn: '2024-01-15',
      })),
    );
    await tx.insert(mechanismMeetings).values([
      {
        mechanismId: row.id,
        heldOn: '2026-02-10',
        title: 'Quarterly meeting (demo)',
        attendeeIds: mechanism.members.map(([key]) => ids[key]),
      },
      {
        mechanismId: row.id,
        heldOn: '2026-05-12',
        title: 'Quarterly meeting (demo)',
        attendeeIds: mechanism.members.map(([key]) => ids[key]),
      },
    ]);
    written += 3 + mechanism.members.length;
  }
  return written;
}
