// The audit trail names people and organisations, and finds a person by part of their name or email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/audit/chain.js';
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

  it('names the record of each entry: an activity by its title, an organisation and a person by name', async () => {
    const record = async (resourceType: string, resourceId: string) => {
      const reply = await t.as(
        admin,
        'GET',
        `/api/v1/audit?resourceType=${resourceType}&resourceId=${resourceId}&limit=1`,
      );
      expect(reply.statusCode, reply.body).toBe(200);
      return (reply.json().data as { resourceName: string | null }[])[0]?.resourceName;
    };
    const activity = (await t.as(admin, 'GET', '/api/v1/audit?resourceType=activity&limit=1')).json()
      .data[0] as { resourceId: string; resourceName: string | null };
    expect(activity.resourceName).toBe('Outreach to domestic workers');
    const shelter = t.organisationIds.shelter as string;
    const event = { actorUserId: null, actorVia: 'cli', action: 'users.manage', outcome: 'allowed' } as const;
    await appendAudit(t.database.db, { ...event, resourceType: 'organisation', resourceId: shelter });
    await appendAudit(t.database.db, { ...event, resourceType: 'membership', resourceId: editor.userId });
    await appendAudit(t.database.db, { ...event, resourceType: 'api_token', resourceId: 'not-a-uuid' });
    expect(await record('organisation', shelter)).toBe('Safe Harbour Shelter Network (demo)');
    expect(await record('membership', editor.userId)).toBe('Edna Editor (demo)');
    expect(await record('api_token', 'not-a-uuid')).toBeNull();
  });

  it('finds nobody for a name nobody has, and takes % and _ literally', async () => {
    for (const search of ['Nobody Atall', '%', '_'])
      expect(
        (await t.as(admin, 'GET', `/api/v1/audit?user=${encodeURIComponent(search)}`)).json().data,
      ).toEqual([]);
  });
});
