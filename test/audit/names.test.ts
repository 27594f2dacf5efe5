// The audit trail names people and organisations, and finds a person by part of their name or email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

describe.each(TEST_ENGINES)('audit trail names on $name', (engine) => {
  let t: TestApp;
  let admin: Session;
  let editor: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.signInAs(demoEmail('admin'));
    editor = await t.signInAs(demoEmail('editor'));
    const created = await t.as(editor, 'POST', '/api/v1/activities', {
      title: 'Outreach to domestic workers',
      leadOrganisationId: t.organisationIds.shelter,
      activityType: 'awareness_campaign',
      countries: [{ iso3: 'KEN', role: 'destination' }],
    });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(() => t?.close());

  for (const search of ['edna', 'EDITOR@demo'])
    it(`finds entries by the person whose name or email contains "${search}", with names`, async () => {
      const reply = await t.as(admin, 'GET', `/api/v1/audit?user=${encodeURIComponent(search)}&limit=100`);
      expect(reply.statusCode, reply.body).toBe(200);
      const entries = reply.json().data as { actorUserId: string; actorName: string; action: string }[];
      expect(entries.length).toBeGreaterThan(0);
      expect(new Set(entries.map((entry) => entry.actorUserId))).toEqual(new Set([editor.userId]));
      expect(entries[0]).toMatchObject({ actorName: 'Edna Editor (demo)' });
      const write = entries.find((entry) => entry.action === 'activities.write') as
        | { organisationName: string | null }
        | undefined;
      expect(write?.organisationName).toBe('Safe Harbour Shelter Network (demo)');
    });

  it('finds nobody for a name nobody has, and takes % and _ literally', async () => {
    for (const search of ['Nobody Atall', '%', '_'])
      expect(
        (await t.as(admin, 'GET', `/api/v1/audit?user=${encodeURIComponent(search)}`)).json().data,
      ).toEqual([]);
  });
});
