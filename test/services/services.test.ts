// The service directory through the API on both engines: what the public and partners see, that a shelter's
// address never leaves for the public (list, record or export), stale changes refused, refusals by role, and
// the Open Referral HSDS exchange: a round trip into a fresh database, and a bad set rejected whole.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db.js';
import { HSDS_TABLES } from '../../src/services/index.js';
import type { ServiceView } from '../../src/services/schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

/** An invented street that must never reach the public: the address of a shelter. */
const SHELTER_STREET = '77 Quietwillow Close';

function serviceBody(organisationId: string, more: Record<string, unknown> = {}) {
  return {
    organisationId,
    provider: { name: 'Safe Harbour Shelter Network (demo)' },
    name: 'Test service',
    category: 'health_care',
    countries: ['KEN'],
    languages: ['sw'],
    eligibility: ['women'],
    ...more,
  };
}

describe.each(TEST_ENGINES)('service directory on $name', (engine) => {
  let t: TestApp;
  let editor: Session;
  let coordinator: Session;
  let manager: Session;
  let viewer: Session;
  let analyst: Session;
  let shelter: string;
  let legal: string;
  let shelterService: ServiceView;
  let clinic: ServiceView;
  let privateService: ServiceView;

  async function create(as: Session, body: Record<string, unknown>): Promise<ServiceView> {
    const reply = await t.as(as, 'POST', '/api/v1/services', body);
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().data as ServiceView;
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.signInAs(demoEmail('editor'));
    coordinator = await t.signInAs(demoEmail('coordinator'));
    manager = await t.signInAs(demoEmail('case_manager'));
    viewer = await t.signInAs(demoEmail('viewer'));
    analyst = await t.signInAs(demoEmail('analyst'));
    shelter = t.organisationIds.shelter ?? '';
    legal = t.organisationIds.legal ?? '';
    shelterService = await create(
      editor,
      serviceBody(shelter, {
        name: 'Quietwillow safe house',
        category: 'shelter',
        isPublic: true,
        capacity: 10,
        placesFree: 3,
        locations: [
          { address: SHELTER_STREET, city: 'Nakuru', country: 'KEN', latitude: -0.3, longitude: 36.07 },
        ],
      }),
    );
    clinic = await create(
      editor,
      serviceBody(shelter, {
        name: 'Clinic for survivors',
        isPublic: true,
        languages: ['sw', 'en'],
        eligibility: ['all'],
        areas: ['Nakuru County'],
        openingHours: [
          { day: 'MO', opens: '08:00', closes: '16:00' },
          { day: 'TH', opens: '10:00', closes: '18:30' },
        ],
        phones: [{ number: '+254 700 555 010', description: 'Reception' }],
        email: 'clinic@example.org',
        website: 'https://clinic.example.org',
        capacity: 4,
        placesFree: 0,
        locations: [
          {
            name: 'Clinic',
            address: '5 Market Street',
            city: 'Nakuru',
            country: 'KEN',
            latitude: -0.28,
            longitude: 36.06,
          },
        ],
      }),
    );
    privateService = await create(
      coordinator,
      serviceBody(legal, {
        provider: { name: 'Regional Legal Aid Centre (demo)' },
        name: 'Partners-only interpretation',
        category: 'interpretation',
        countries: ['UGA'],
        languages: ['lg'],
        eligibility: ['men'],
      }),
    );
  });
  afterAll(() => t?.close());

  it('lists public services to the public and every service to signed-in partners', async () => {
    const publicList = (await t.as(null, 'GET', '/api/v1/services?limit=500')).json() as {
      data: ServiceView[];
    };
    const publicIds = publicList.data.map((s) => s.id);
    expect(publicIds).toEqual(expect.arrayContaining([shelterService.id, clinic.id]));
    expect(publicIds).not.toContain(privateService.id);
    expect((await t.as(null, 'GET', `/api/v1/services/${privateService.id}`)).statusCode).toBe(404);
    const partnerIds = (
      (await t.as(viewer, 'GET', '/api/v1/services?limit=500')).json().data as ServiceView[]
    ).map((s) => s.id);
    expect(partnerIds).toContain(privateService.id);
  });

  it('filters by category, country, eligibility, language and places free, and pages', async () => {
    const ids = async (query: string) =>
      ((await t.as(viewer, 'GET', `/api/v1/services?${query}`)).json().data as ServiceView[]).map(
        (s) => s.id,
      );
    expect(await ids('category=interpretation')).toEqual([privateService.id]);
    expect(await ids('country=UGA&language=lg')).toContain(privateService.id);
    expect(await ids('country=UGA')).not.toContain(clinic.id);
    // A service open to all is open to women too; one for men is not.
    expect(await ids('eligibility=women')).toEqual(expect.arrayContaining([clinic.id, shelterService.id]));
    expect(await ids('eligibility=women')).not.toContain(privateService.id);
    const free = await ids('hasPlacesFree=true');
    expect(free).toContain(shelterService.id);
    expect(free).not.toContain(clinic.id);
    const page = (await t.as(viewer, 'GET', '/api/v1/services?limit=1&offset=1')).json();
    expect(page.data).toHaveLength(1);
    expect(page.total).toBeGreaterThan(2);
    const bad = await t.as(viewer, 'GET', '/api/v1/services?category=spa');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });

  it('never shows a shelter’s address to the public, in the list, the record or the export', async () => {
    const listed = await t.as(null, 'GET', '/api/v1/services?limit=500');
    const record = await t.as(null, 'GET', `/api/v1/services/${shelterService.id}`);
    expect(record.json().data.locations).toEqual([]);
    const signedInNotCaseStaff = await t.as(viewer, 'GET', `/api/v1/services/${shelterService.id}`);
    expect(signedInNotCaseStaff.json().data.locations).toEqual([]);
    for (const reply of [listed, record, signedInNotCaseStaff])
      expect(reply.body).not.toContain(SHELTER_STREET);
    for (const session of [null, viewer, manager, coordinator]) {
      for (const table of HSDS_TABLES) {
        const csv = await t.as(session, 'GET', `/api/v1/services/export?table=${table}`);
        expect(csv.statusCode).toBe(200);
        expect(csv.body).not.toContain(SHELTER_STREET);
        expect(csv.body).not.toContain('-0.3');
      }
    }
    // The clinic's public address is exported.
    const addresses = await t.as(null, 'GET', '/api/v1/services/export?table=address');
    expect(addresses.body).toContain('5 Market Street');
  });

  it('shows a shelter’s address to case staff and to the holder’s own staff', async () => {
    const byManager = await t.as(manager, 'GET', `/api/v1/services/${shelterService.id}`);
    expect(byManager.json().data.locations[0]).toMatchObject({
      address: SHELTER_STREET,
      isConfidential: true,
    });
    const byHolder = await t.as(editor, 'GET', `/api/v1/services/${shelterService.id}`);
    expect(byHolder.json().data.locations[0].address).toBe(SHELTER_STREET);
  });

  it('keeps a shelter’s address out of reach of the public in the database itself', async () => {
    const rows = await t.database.requestTransaction(
      {
        role: 'concerted_app',
        settings: {
          'app.user_id': '',
          'app.org_ids': '{}',
          'app.is_admin': 'off',
          'app.is_coordinator': 'off',
        },
      },
      (tx) => rowsOf<{ address: string | null }>(tx, sql`select address from service_locations`),
    );
    expect(rows.map((row) => row.address)).not.toContain(SHELTER_STREET);
    expect(rows.map((row) => row.address)).toContain('5 Market Street');
  });

  it('refuses a change made from a stale version with the same conflict as a stale case', async () => {
    const first = await t.as(editor, 'PATCH', `/api/v1/services/${clinic.id}`, {
      version: clinic.version,
      description: 'Walk in, no appointment needed.',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data.version).toBe(clinic.version + 1);
    const stale = await t.as(editor, 'PATCH', `/api/v1/services/${clinic.id}`, {
      version: clinic.version,
      description: 'A change from an old copy',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    expect(stale.json().detail).toMatch(/changed since you read it/);
    clinic = first.json().data as ServiceView;
  });

  it('updates places free fast, within the capacity, and says when', async () => {
    const reply = await t.as(manager, 'PUT', `/api/v1/services/${shelterService.id}/places`, {
      placesFree: 7,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().data.placesFree).toBe(7);
    expect(reply.json().data.placesUpdatedAt).not.toBeNull();
    const tooMany = await t.as(manager, 'PUT', `/api/v1/services/${shelterService.id}/places`, {
      placesFree: 11,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toBe('body.placesFree');
    const audit = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_entries where action = 'services.write' and resource_id = ${shelterService.id}`,
    );
    expect(audit[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('refuses writes to those outside the holding organisation and to roles that do not keep services', async () => {
    const others = await t.as(editor, 'PATCH', `/api/v1/services/${privateService.id}`, {
      version: 1,
      name: 'Mine',
    });
    expect(others.statusCode).toBe(403);
    expect(
      (await t.as(analyst, 'PUT', `/api/v1/services/${clinic.id}/places`, { placesFree: 1 })).statusCode,
    ).toBe(403);
    expect((await t.as(viewer, 'POST', '/api/v1/services', serviceBody(shelter))).statusCode).toBe(403);
    expect((await t.as(null, 'POST', '/api/v1/services', serviceBody(shelter))).statusCode).toBe(401);
    expect((await t.as(editor, 'POST', '/api/v1/services', serviceBody(legal))).statusCode).toBe(403);
  });

  it('rejects a set with bad rows whole, reporting each, and writes nothing', async () => {
    const before = await rowsOf<{ n: number }>(t.database.db, sql`select count(*)::int as n from services`);
    const files = await exportAll(t, coordinator);
    const serviceCsv = files.find((f) => f.name === 'service.csv');
    const good = '11111111-1111-4111-8111-111111111111';
    const lines = (serviceCsv?.content ?? '').trimEnd().split('\r\n');
    const header = lines[0] ?? '';
    const firstRow = (lines[1] ?? '').split(',');
    const providerId = firstRow[1] ?? '';
    const bad = [
      header,
      `${good},${providerId},,A new food bank,,,,,active,,,,,,,,,,,`,
      `not-a-uuid,${providerId},,Broken row,,,,,active,,,,,,,,,,,`,
    ].join('\r\n');
    const withBadPhone = `${files.find((f) => f.name === 'phone.csv')?.content ?? ''}${'x'.repeat(8)},,${good},,,,call me maybe,,voice,\r\n`;
    const reply = await t.as(coordinator, 'POST', '/api/v1/services/import', {
      organisationId: shelter,
      files: [
        ...files.filter((f) => !['service.csv', 'phone.csv'].includes(f.name)),
        { name: 'service.csv', content: bad },
        { name: 'phone.csv', content: withBadPhone },
        { name: 'notes.csv', content: 'id\r\n1\r\n' },
      ],
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const report = reply.json().data as {
      committed: boolean;
      problems: { file: string; row: number | null; column: string | null; fix: string }[];
    };
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'service.csv', row: 3, column: 'id' }),
        // The new food bank has no category attribute.
        expect.objectContaining({ file: 'service.csv', row: 2, column: 'id' }),
        expect.objectContaining({ file: 'phone.csv', column: 'number' }),
        expect.objectContaining({ file: 'notes.csv', row: null }),
      ]),
    );
    for (const problem of report.problems) expect(problem.fix.length).toBeGreaterThan(10);
    const after = await rowsOf<{ n: number }>(t.database.db, sql`select count(*)::int as n from services`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('round-trips through HSDS: what one installation exports another imports as the same services', async () => {
    const files = await exportAll(t, coordinator);
    const exported = (await t.as(coordinator, 'GET', '/api/v1/services?limit=500')).json()
      .data as ServiceView[];
    const fresh = await startTestApp(engine, { ownInstallation: true });
    try {
      const freshCoordinator = await fresh.signInAs(demoEmail('coordinator'));
      const office = fresh.organisationIds.office ?? '';
      const dry = await fresh.as(freshCoordinator, 'POST', '/api/v1/services/import', {
        organisationId: office,
        files,
        dryRun: true,
      });
      expect(dry.json().data).toMatchObject({ dryRun: true, committed: false, problems: [] });
      const reply = await fresh.as(freshCoordinator, 'POST', '/api/v1/services/import', {
        organisationId: office,
        files,
      });
      expect(reply.statusCode, reply.body).toBe(200);
      expect(reply.json().data).toMatchObject({ committed: true, created: exported.length, problems: [] });
      for (const original of exported) {
        const copy = (await fresh.as(freshCoordinator, 'GET', `/api/v1/services/${original.id}`)).json()
          .data as ServiceView;
        expect(comparable(copy)).toEqual(comparable(original));
      }
      // Importing the same set again updates the services in place.
      const again = await fresh.as(freshCoordinator, 'POST', '/api/v1/services/import', {
        organisationId: office,
        files,
      });
      expect(again.json().data).toMatchObject({ committed: true, created: 0, updated: exported.length });
    } finally {
      await fresh.close();
    }
  });
});

async function exportAll(t: TestApp, as: Session) {
  return Promise.all(
    HSDS_TABLES.map(async (table) => ({
      name: `${table}.csv`,
      content: (await t.as(as, 'GET', `/api/v1/services/export?table=${table}`)).body,
    })),
  );
}

/** A service without what another installation gives it anew: ids of its own, holder, versions and times. */
function comparable(service: ServiceView) {
  return {
    name: service.name,
    provider: {
      name: service.provider.name,
      email: service.provider.email,
      website: service.provider.website,
    },
    category: service.category,
    description: service.description,
    countries: service.countries,
    areas: service.areas,
    languages: service.languages,
    eligibility: service.eligibility,
    openingHours: service.openingHours,
    capacity: service.capacity,
    placesFree: service.placesFree,
    phones: service.phones,
    email: service.email,
    website: service.website,
    isPublic: service.isPublic,
    locations: service.locations
      .filter((location) => !location.isConfidential)
      .map(({ id: _id, ...location }) => location),
  };
}
