// The demo organisations and one demo user per role: illustrative, for trying Concerted out only.
import { randomUUID } from 'node:crypto';
import { organisations } from '../partners/schema.js';
import type { Sealer } from '../platform/crypto.js';
import type { Queryable } from '../platform/db.js';
import { totpContext } from './accounts.js';
import { hashPassword } from './passwords.js';
import { memberships, type Role, users } from './schema.js';

/** Every demo account uses this passphrase; the README lists it as demo-only. */
export const DEMO_PASSWORD = 'demo-only-passphrase-2026';

export const DEMO_ORGANISATIONS = [
  {
    key: 'office',
    name: 'National Anti-Trafficking Coordination Office (demo)',
    acronym: 'NACO',
    actorType: 'government',
    iso3: 'KEN',
  },
  {
    key: 'shelter',
    name: 'Safe Harbour Shelter Network (demo)',
    acronym: 'SHSN',
    actorType: 'ngo',
    iso3: 'KEN',
  },
  { key: 'legal', name: 'Regional Legal Aid Centre (demo)', acronym: 'RLAC', actorType: 'ngo', iso3: 'UGA' },
  {
    key: 'institute',
    name: 'Institute for Migration Research (demo)',
    acronym: 'IMR',
    actorType: 'academia',
    iso3: 'TZA',
  },
] as const;

type DemoUser = {
  email: string;
  displayName: string;
  role: Role;
  organisation: (typeof DEMO_ORGANISATIONS)[number]['key'];
  /** Base32 TOTP seed for the roles that must use a second factor; published with the demo. */
  totpSecret?: string;
};

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@demo.concerted.invalid',
    displayName: 'Ada Admin (demo)',
    role: 'admin',
    organisation: 'office',
  },
  {
    email: 'coordinator@demo.concerted.invalid',
    displayName: 'Cora Coordinator (demo)',
    role: 'coordinator',
    organisation: 'office',
  },
  {
    email: 'org.admin@demo.concerted.invalid',
    displayName: 'Omar Orgadmin (demo)',
    role: 'org_admin',
    organisation: 'shelter',
  },
  {
    email: 'editor@demo.concerted.invalid',
    displayName: 'Edna Editor (demo)',
    role: 'editor',
    organisation: 'shelter',
  },
  {
    email: 'case.manager@demo.concerted.invalid',
    displayName: 'Mina Casemanager (demo)',
    role: 'case_manager',
    organisation: 'shelter',
    totpSecret: 'CONCERTEDDEMOCASEMANAGER',
  },
  {
    email: 'case.worker@demo.concerted.invalid',
    displayName: 'Wes Caseworker (demo)',
    role: 'case_worker',
    organisation: 'shelter',
    totpSecret: 'CONCERTEDDEMOCASEWORKERX',
  },
  {
    email: 'analyst@demo.concerted.invalid',
    displayName: 'Ana Analyst (demo)',
    role: 'analyst',
    organisation: 'institute',
  },
  {
    email: 'viewer@demo.concerted.invalid',
    displayName: 'Vic Viewer (demo)',
    role: 'viewer',
    organisation: 'legal',
  },
  {
    email: 'legal.admin@demo.concerted.invalid',
    displayName: 'Lea Legaladmin (demo)',
    role: 'org_admin',
    organisation: 'legal',
  },
];

/** Loads the demo organisations and users; returns how many rows it wrote. */
export async function loadDemoAccess(tx: Queryable, sealer: Sealer): Promise<number> {
  const organisationIds = new Map<string, string>();
  for (const org of DEMO_ORGANISATIONS) {
    const id = randomUUID();
    organisationIds.set(org.key, id);
    await tx.insert(organisations).values({
      id,
      name: org.name,
      acronym: org.acronym,
      actorType: org.actorType,
      headquartersIso3: org.iso3,
    });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    const id = randomUUID();
    const totp = demo.totpSecret
      ? { totpSecretSealed: sealer.seal(demo.totpSecret, totpContext(id)), totpEnabledAt: new Date() }
      : {};
    await tx
      .insert(users)
      .values({ id, email: demo.email, displayName: demo.displayName, passwordHash, ...totp });
    const organisationId = organisationIds.get(demo.organisation) ?? '';
    await tx.insert(memberships).values({ userId: id, organisationId, role: demo.role });
  }
  return DEMO_ORGANISATIONS.length + DEMO_USERS.length;
}
