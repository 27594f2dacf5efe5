// Version history follows the activity's visibility and names who changed it; new activities get readable identifiers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

describe.each(TEST_ENGINES)('version history on $name', (engine) => {
  let t: TestApp;
  let editor: Session;
  let viewer: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.signInAs(demoEmail('editor'));
    viewer = await t.signInAs(demoEmail('viewer'));
  });
  afterAll(() => t?.close());

  async function createActivity(isPublished: boolean): Promise<string> {
    const reply = await t.as(editor, 'POST', '/api/v1/activities', {
      title: 'Hotline for women in domestic work',
      leadOrganisationId: t.organisationIds.shelter,
      activityType: 'counselling',
      countries: [{ iso3: 'KEN', role: 'destination' }],
      isPublished,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().data.id;
  }

  it('hides the whole history of an activity that is no longer published, earlier published versions included', async () => {
    const id = await createActivity(true);
    const unpublish = await t.as(editor, 'PATCH', `/api/v1/activities/${id}`, { isPublished: false });
    expect(unpublish.statusCode, unpublish.body).toBe(200);
    expect((await t.as(null, 'GET', `/api/v1/activities/${id}/versions`)).statusCode).toBe(404);
    const signedIn = await t.as(viewer, 'GET', `/api/v1/activities/${id}/versions`);
    expect(signedIn.json().data).toHaveLength(2);
  });

  it('shows the public the published versions of a published activity, without who made them', async () => {
    const id = await createActivity(false);
    await t.as(editor, 'PATCH', `/api/v1/activities/${id}`, { isPublished: true });
    const reply = await t.as(null, 'GET', `/api/v1/activities/${id}/versions`);
    expect(reply.statusCode).toBe(200);
    const versions = reply.json().data as { version: number; changedBy: unknown; changedByName: unknown }[];
    expect(versions.map((v) => v.version)).toEqual([2]);
    expect(versions[0]).toMatchObject({ changedBy: null, changedByName: null });
    expect(reply.body).not.toContain(editor.userId);
  });

  it('gives an activity entered without identifier one of its organisation, year and number', async () => {
    const first = await createActivity(false);
    const second = await createActivity(false);
    const identifierOf = async (id: string) =>
      (await t.as(editor, 'GET', `/api/v1/activities/${id}`)).json().data.identifier as string;
    const year = new Date().getUTCFullYear();
    const a = await identifierOf(first);
    const b = await identifierOf(second);
    expect(a).toMatch(new RegExp(`^SHSN-${year}-\\d{4}$`));
    expect(Number(b.slice(-4))).toBe(Number(a.slice(-4)) + 1);
  });

  it('tells signed-in partners who changed it and through what', async () => {
    const id = await createActivity(false);
    const reply = await t.as(viewer, 'GET', `/api/v1/activities/${id}/versions`);
    expect(reply.json().data[0]).toMatchObject({
      changedBy: editor.userId,
      changedByName: 'Edna Editor (demo)',
      source: { channel: 'web', file: null },
    });
  });
});
