// The activities API on both databases: visibility, writes with versions, organisation scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../../test/support/app.js';
import { TEST_ENGINES } from '../../test/support/databases.js';

const base = (t: TestApp) => ({
  title: 'Hotline for presumed victims',
  leadOrganisationId: t.organisationIds.shelter,
  activityType: 'identification',
  targetGroups: ['women'],
  forms: ['sexual_exploitation'],
  countries: [{ iso3: 'KEN', role: 'destination', places: ['Kisumu'] }],
  plannedStart: '2026-01-01',
  plannedEnd: '2026-12-31',
  peopleReached: { female_adults: 12, female_children: 3 },
});

describe.each(TEST_ENGINES)('activities API on $name', (engine) => {
  let t: TestApp;
  let editor: Session;
  let viewer: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.signInAs(demoEmail('editor'));
    viewer = await t.signInAs(demoEmail('viewer'));
  });
  afterAll(() => t?.close());

  it('shows the public published activities only, and signed-in partners all of them', async () => {
    const created = await t.as(editor, 'POST', '/api/v1/activities', {
      ...base(t),
      identifier: 'TEST-PRIVATE-1',
    });
    expect(created.statusCode, created.body).toBe(201);
    const publicList = (await t.as(null, 'GET', '/api/v1/activities?limit=500')).json();
    const partnerList = (await t.as(viewer, 'GET', '/api/v1/activities?limit=500')).json();
    const ids = (list: { data: { identifier: string }[] }) => list.data.map((a) => a.identifier);
    expect(ids(publicList)).not.toContain('TEST-PRIVATE-1');
    expect(ids(publicList)).toContain('DEMO-KEN-001');
    expect(ids(partnerList)).toContain('TEST-PRIVATE-1');
    const hidden = await t.as(null, 'GET', `/api/v1/activities/${created.json().data.id}`);
    expect(hidden.statusCode).toBe(404);
  });

  it('derives the pillar, totals people and keeps a version for every change', async () => {
    const created = (
      await t.as(editor, 'POST', '/api/v1/activities', { ...base(t), identifier: 'TEST-V-1' })
    ).json().data;
    expect(created).toMatchObject({ pillar: 'protection', reachedTotal: 15, version: 1 });
    const patched = await t.as(editor, 'PATCH', `/api/v1/activities/${created.id}`, {
      title: 'Hotline and outreach',
      expectedVersion: 1,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().data).toMatchObject({ title: 'Hotline and outreach', version: 2 });
    const stale = await t.as(editor, 'PATCH', `/api/v1/activities/${created.id}`, {
      title: 'x',
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    const versions = (await t.as(viewer, 'GET', `/api/v1/activities/${created.id}/versions`)).json().data;
    expect(versions.map((v: { version: number; change: string }) => [v.version, v.change])).toEqual([
      [2, 'updated'],
      [1, 'created'],
    ]);
    expect(versions[1].snapshot.title).toBe('Hotline for presumed victims');
    expect(versions[0].changedBy).toBe(editor.userId);
    expect((await t.as(editor, 'DELETE', `/api/v1/activities/${created.id}`)).statusCode).toBe(204);
    const after = (await t.as(viewer, 'GET', `/api/v1/activities/${created.id}/versions`)).json().data;
    expect(after[0]).toMatchObject({ version: 3, change: 'deleted' });
  });

  it('refuses a pillar that does not match the type, and dates out of order, naming the fields', async () => {
    const reply = await t.as(editor, 'POST', '/api/v1/activities', {
      ...base(t),
      pillar: 'prevention',
      plannedStart: '2026-05-01',
      plannedEnd: '2026-01-01',
    });
    expect(reply.statusCode).toBe(400);
    const paths = reply.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.pillar', 'body.plannedEnd']));
  });

  it('lets an editor write only activities led by their own organisation', async () => {
    const other = await t.as(editor, 'POST', '/api/v1/activities', {
      ...base(t),
      leadOrganisationId: t.organisationIds.legal,
    });
    expect(other.statusCode).toBe(403);
    const { data } = (await t.as(viewer, 'GET', '/api/v1/activities?q=DEMO-UGA-002')).json();
    const patch = await t.as(editor, 'PATCH', `/api/v1/activities/${data[0].id}`, { title: 'Taken over' });
    expect(patch.statusCode).toBe(403);
  });

  it('imports a file sent as the body, dry run first, and exports it again', async () => {
    const csv = [
      'identifier,title,lead_organisation,activity_type,destination_countries,target_groups',
      'HTTP-1,Outreach in Kisumu,SHSN,identification,KEN,women',
      'HTTP-2,Somebody else’s,RLAC,legal_aid,UGA,',
    ].join('\n');
    const send = (query: string, body: string) =>
      t.as(editor, 'POST', `/api/v1/activities/import?${query}`, body, { 'content-type': 'text/csv' });
    const dry = (await send('dryRun=true', csv)).json().data;
    expect(dry).toMatchObject({ dryRun: true, committed: false, rows: 2, problemCount: 1 });
    expect(dry.problems[0]).toMatchObject({ row: 3, column: 'lead_organisation', identifier: 'HTTP-2' });
    const refused = (await send('', csv)).json().data;
    expect(refused).toMatchObject({ committed: false, created: 0 });
    const done = (await send('filename=outreach.csv', csv.split('\n').slice(0, 2).join('\n'))).json().data;
    expect(done).toMatchObject({ committed: true, created: 1 });
    const exported = await t.as(viewer, 'GET', '/api/v1/activities/export?format=hxl&q=HTTP-');
    expect(exported.headers['content-type']).toContain('text/csv');
    const lines = exported.body.trim().split('\n');
    expect(lines[1]).toMatch(/^#activity\+code/);
    expect(lines.slice(2).map((l) => l.split(',')[0])).toEqual(['HTTP-1']);
    const xml = await t.as(viewer, 'GET', '/api/v1/activities/export?format=iati&q=HTTP-1');
    expect(xml.body).toContain('<iati-identifier>HTTP-1</iati-identifier>');
    const { data } = (await t.as(viewer, 'GET', '/api/v1/activities?q=HTTP-1')).json();
    const versions = (await t.as(viewer, 'GET', `/api/v1/activities/${data[0].id}/versions`)).json().data;
    expect(versions[0]).toMatchObject({
      change: 'created',
      via: 'import outreach.csv',
      changedBy: editor.userId,
    });
  });

  it('filters by country, pillar and period', async () => {
    const { data } = (
      await t.as(null, 'GET', '/api/v1/activities?country=TZA&pillar=protection&from=2026-06-01')
    ).json();
    expect(data.map((a: { identifier: string }) => a.identifier)).toEqual(['DEMO-TZA-001']);
  });
});
