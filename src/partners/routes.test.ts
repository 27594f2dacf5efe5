// Partner profiles, focal points and coordination mechanisms through the API, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../../test/support/app.js';
import { TEST_ENGINES } from '../../test/support/databases.js';

describe.each(TEST_ENGINES)('partners API on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let orgAdmin: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    orgAdmin = await t.signInAs(demoEmail('org_admin'));
  });
  afterAll(() => t?.close());

  it('flags likely duplicates when an organisation is registered, and refuses the same name', async () => {
    const reply = await t.as(coordinator, 'POST', '/api/v1/organisations', {
      name: 'Safe Harbor Shelter Network',
      acronym: 'SHN',
      actorType: 'ngo',
      countriesOfOperation: ['KEN'],
      mandate: 'Shelters',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().possibleDuplicates[0]).toMatchObject({ id: t.organisationIds.shelter });
    expect(reply.json().data).toMatchObject({ countriesOfOperation: ['KEN'], mandate: 'Shelters' });
    const same = await t.as(coordinator, 'POST', '/api/v1/organisations', {
      name: 'safe harbor shelter network',
      actorType: 'ngo',
    });
    expect(same.statusCode).toBe(409);
    const similar = await t.as(
      null,
      'GET',
      '/api/v1/organisations/similar?name=Regional%20Legal%20Aid%20Center',
    );
    expect(similar.json().data.map((d: { id: string }) => d.id)).toEqual([t.organisationIds.legal]);
  });

  it('shows focal points to everyone and their contact details to signed-in partners only', async () => {
    const added = await t.as(
      orgAdmin,
      'POST',
      `/api/v1/organisations/${t.organisationIds.shelter}/focal-points`,
      {
        name: 'Test Focal Point',
        position: 'Case coordinator',
        email: 'focal@example.org',
        phone: '+254 700 000000',
      },
    );
    expect(added.statusCode, added.body).toBe(201);
    const profile = (await t.as(null, 'GET', `/api/v1/organisations/${t.organisationIds.shelter}`)).json()
      .data;
    const publicPoint = profile.focalPoints.find((p: { name: string }) => p.name === 'Test Focal Point');
    expect(publicPoint).toMatchObject({ position: 'Case coordinator', contact: null });
    expect(profile.mechanisms.map((m: { kind: string }) => m.kind)).toEqual(['national_task_force']);
    const viewer = await t.signInAs(demoEmail('viewer'));
    const points = (
      await t.as(viewer, 'GET', `/api/v1/organisations/${t.organisationIds.shelter}/focal-points`)
    ).json().data;
    expect(points.find((p: { name: string }) => p.name === 'Test Focal Point').contact).toEqual({
      email: 'focal@example.org',
      phone: '+254 700 000000',
    });
    const id = added.json().data.id;
    const changed = await t.as(
      orgAdmin,
      'PATCH',
      `/api/v1/organisations/${t.organisationIds.shelter}/focal-points/${id}`,
      {
        email: null,
      },
    );
    expect(changed.json().data.contact).toEqual({ email: null, phone: '+254 700 000000' });
    expect(
      (
        await t.as(
          orgAdmin,
          'DELETE',
          `/api/v1/organisations/${t.organisationIds.shelter}/focal-points/${id}`,
        )
      ).statusCode,
    ).toBe(204);
  });

  it('keeps coordination mechanisms with members and meetings', async () => {
    const created = await t.as(coordinator, 'POST', '/api/v1/mechanisms', {
      name: 'Inter-agency group on labour trafficking',
      kind: 'inter_agency_group',
      countries: ['KEN', 'UGA'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id;
    const member = await t.as(
      coordinator,
      'PUT',
      `/api/v1/mechanisms/${id}/members/${t.organisationIds.legal}`,
      {
        role: 'chair',
        joinedOn: '2026-01-01',
      },
    );
    expect(member.json().data.members).toMatchObject([
      { organisationId: t.organisationIds.legal, role: 'chair' },
    ]);
    const meeting = await t.as(coordinator, 'POST', `/api/v1/mechanisms/${id}/meetings`, {
      heldOn: '2026-02-02',
      title: 'First meeting',
      attendeeIds: [t.organisationIds.legal],
    });
    expect(meeting.statusCode).toBe(201);
    const list = (await t.as(null, 'GET', '/api/v1/mechanisms?country=UGA')).json().data;
    expect(list.find((m: { id: string }) => m.id === id)).toMatchObject({
      memberCount: 1,
      lastMeetingOn: '2026-02-02',
    });
    const ofLegal = (
      await t.as(null, 'GET', `/api/v1/mechanisms?organisationId=${t.organisationIds.legal}`)
    ).json().data;
    expect(ofLegal.map((m: { name: string }) => m.name)).toContain(
      'Inter-agency group on labour trafficking',
    );
    expect(
      (await t.as(coordinator, 'DELETE', `/api/v1/mechanisms/${id}/members/${t.organisationIds.legal}`))
        .statusCode,
    ).toBe(204);
    expect(
      (await t.as(orgAdmin, 'POST', '/api/v1/mechanisms', { name: 'Not allowed', kind: 'other' })).statusCode,
    ).toBe(403);
  });

  it('filters the directory by country of operation', async () => {
    const inTza = (await t.as(null, 'GET', '/api/v1/organisations?country=TZA')).json().data;
    expect(inTza.map((o: { id: string }) => o.id)).toEqual([t.organisationIds.institute]);
  });
});
