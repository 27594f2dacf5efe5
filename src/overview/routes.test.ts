// The start page through the API on both databases: counts follow visibility, own work follows membership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../../test/support/app.js';
import { TEST_ENGINES } from '../../test/support/databases.js';
import type { Overview } from './schemas.js';

const overdueActivity = (t: TestApp) => ({
  identifier: 'TEST-OVERDUE-1',
  title: 'Outreach to domestic workers',
  leadOrganisationId: t.organisationIds.shelter,
  activityType: 'identification',
  targetGroups: ['women'],
  forms: ['domestic_servitude'],
  countries: [{ iso3: 'KEN', role: 'destination', places: [] }],
  plannedStart: '2024-01-01',
  plannedEnd: '2024-06-30',
  status: 'implementation',
});

describe.each(TEST_ENGINES)('start page API on $name', (engine) => {
  let t: TestApp;
  let editor: Session;
  let analyst: Session;

  const overviewAs = async (session: Session | null): Promise<Overview> => {
    const reply = await t.as(session, 'GET', '/api/v1/overview');
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.signInAs(demoEmail('editor'));
    analyst = await t.signInAs(demoEmail('analyst'));
  });
  afterAll(() => t?.close());

  it('counts only published activities for the public, and has nothing personal', async () => {
    const published = (await t.as(null, 'GET', '/api/v1/activities?limit=500')).json().data as unknown[];
    const overview = await overviewAs(null);
    expect(overview.totals.activities).toBe(published.length);
    expect(overview.personal).toBeNull();
    const summed = overview.countries.reduce((sum, c) => sum + c.activities, 0);
    expect(summed).toBeGreaterThanOrEqual(overview.totals.activities);
    expect(overview.countries.map((c) => c.iso3)).toContain('KEN');
  });

  it('shows a partner their organisation’s activities, an overdue one flagged, and who changed it', async () => {
    const before = await overviewAs(editor);
    expect(before.personal?.organisations.map((o) => o.name)).toEqual([
      'Safe Harbour Shelter Network (demo)',
    ]);
    const created = await t.as(editor, 'POST', '/api/v1/activities', overdueActivity(t));
    expect(created.statusCode, created.body).toBe(201);

    const after = await overviewAs(editor);
    const personal = after.personal;
    expect(personal?.activityCount).toBe((before.personal?.activityCount ?? 0) + 1);
    expect(personal?.tasks.overdueActivities).toBe((before.personal?.tasks.overdueActivities ?? 0) + 1);
    expect(personal?.activities[0]).toMatchObject({ identifier: 'TEST-OVERDUE-1', isOverdue: true });
    expect(personal?.recentChanges[0]).toMatchObject({
      title: 'Outreach to domestic workers',
      change: 'created',
      changedByName: 'Edna Editor (demo)',
    });
  });

  it('does not show one organisation’s work on another’s start page', async () => {
    const overview = await overviewAs(analyst);
    const titles = overview.personal?.activities.map((a) => a.title) ?? [];
    expect(titles).not.toContain('Outreach to domestic workers');
    expect(overview.personal?.recentChanges.map((c) => c.title)).not.toContain(
      'Outreach to domestic workers',
    );
  });
});
