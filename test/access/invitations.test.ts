// Membership needs the person: an organisation administrator invites by address, learns nothing about
// whether it has an account, and the person accepts or declines once signed in.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../../src/access/schema.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const withoutVolatile = (body: string) => {
  const parsed = JSON.parse(body) as { data: Record<string, unknown> };
  const { invitationId: _id, email: _email, ...rest } = parsed.data;
  return { ...parsed, data: rest };
};

describe.each(TEST_ENGINES)('membership invitations on $name', (engine) => {
  let t: TestApp;
  let shelterAdmin: Session;
  let shelter: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    shelterAdmin = await t.signInAs(demoEmail('org_admin'));
    shelter = t.organisationIds.shelter ?? '';
  });
  afterAll(() => t?.close());

  const invite = (email: string, role = 'viewer') =>
    t.as(shelterAdmin, 'POST', `/api/v1/organisations/${shelter}/members`, {
      email,
      displayName: 'Someone Invited',
      role,
    });

  it('answers the same for a registered and an unknown address, and gives nobody a role', async () => {
    const known = await invite(demoEmail('analyst'));
    const unknown = await invite('nobody.here@example.org');
    expect(known.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(201);
    expect(withoutVolatile(known.body)).toEqual(withoutVolatile(unknown.body));
    expect(known.json()).toMatchObject({ data: { outcome: 'invited' }, initialPassword: null });
    expect(JSON.stringify(known.json())).not.toMatch(/secondFactor|Ana|userId/);
    const members = await t.as(shelterAdmin, 'GET', `/api/v1/organisations/${shelter}/members`);
    expect(JSON.stringify(members.json())).not.toContain(demoEmail('analyst'));
  });

  it('shows the invitation to the person, who accepts it and gets the role', async () => {
    const analyst = await t.signInAs(demoEmail('analyst'));
    const listed = await t.as(analyst, 'GET', '/api/v1/account/invitations');
    expect(listed.json().data).toEqual([
      expect.objectContaining({
        organisationId: shelter,
        role: 'viewer',
        organisationName: expect.any(String),
      }),
    ]);
    const id = listed.json().data[0].id as string;
    const accepted = await t.as(analyst, 'POST', `/api/v1/account/invitations/${id}/answer`, {
      answer: 'accept',
    });
    expect(accepted.statusCode).toBe(200);
    const rows = await t.database.db.select().from(memberships).where(eq(memberships.userId, analyst.userId));
    expect(rows.map((row) => [row.organisationId, row.role])).toContainEqual([shelter, 'viewer']);
    expect((await t.as(analyst, 'GET', '/api/v1/account/invitations')).json().data).toEqual([]);
  });

  it('lets the person decline, leaving them outside the organisation', async () => {
    await invite(demoEmail('viewer'), 'editor');
    const viewer = await t.signInAs(demoEmail('viewer'));
    const id = (await t.as(viewer, 'GET', '/api/v1/account/invitations')).json().data[0].id as string;
    const declined = await t.as(viewer, 'POST', `/api/v1/account/invitations/${id}/answer`, {
      answer: 'decline',
    });
    expect(declined.statusCode).toBe(200);
    const rows = await t.database.db.select().from(memberships).where(eq(memberships.userId, viewer.userId));
    expect(rows.map((row) => row.organisationId)).not.toContain(shelter);
  });

  it('keeps one person from answering another’s invitation', async () => {
    const invited = await invite(demoEmail('coordinator'));
    const id = invited.json().data.invitationId as string;
    const editor = await t.signInAs(demoEmail('editor'));
    const reply = await t.as(editor, 'POST', `/api/v1/account/invitations/${id}/answer`, {
      answer: 'accept',
    });
    expect(reply.statusCode).toBe(404);
  });

  it('lists open invitations to the organisation and lets its administrator withdraw one', async () => {
    const invited = await invite('withdrawn.person@example.org');
    const id = invited.json().data.invitationId as string;
    const open = await t.as(shelterAdmin, 'GET', `/api/v1/organisations/${shelter}/invitations`);
    expect(open.json().data.map((row: { id: string }) => row.id)).toContain(id);
    const withdrawn = await t.as(
      shelterAdmin,
      'DELETE',
      `/api/v1/organisations/${shelter}/invitations/${id}`,
    );
    expect(withdrawn.statusCode).toBe(204);
    const after = await t.as(shelterAdmin, 'GET', `/api/v1/organisations/${shelter}/invitations`);
    expect(after.json().data.map((row: { id: string }) => row.id)).not.toContain(id);
  });

  it('still lets an installation administrator create an account with an initial password', async () => {
    const admin = await t.signInAs(demoEmail('admin'));
    const reply = await t.as(admin, 'POST', `/api/v1/organisations/${shelter}/members`, {
      email: 'brand.new@example.org',
      displayName: 'Brand New',
      role: 'viewer',
    });
    expect(reply.json()).toMatchObject({ data: { outcome: 'added' }, initialPassword: expect.any(String) });
  });
});
