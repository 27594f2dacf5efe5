// Commitments through the API on both engines: a signatory's editor records a commitment, publishes it and
// reports progress; the public sees only published commitments and their public reports, filtered by code,
// country and sector; another organisation's editor cannot touch them; a withdrawn commitment is final and
// no report comes before the signing day. Every organisation and person is invented.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_ACTOR, asRequester } from '../../src/access/context.js';
import type { CommitmentView } from '../../src/commitments/schemas.js';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const COMMITMENTS = '/api/v1/commitments';

describe.each(TEST_ENGINES)('commitments on $name', (engine) => {
  let t: TestApp;
  let editor: Session;
  let coordinator: Session;
  let viewer: Session;
  let draft: CommitmentView;

  async function send(as: Session | null, method: string, url: string, body?: unknown, status = 200) {
    const reply = await t.as(as, method, url, body);
    expect(reply.statusCode, reply.body).toBe(status);
    return reply.json();
  }

  const listed = async (as: Session | null, query = '') =>
    ((await send(as, 'GET', `${COMMITMENTS}${query}`)).data as CommitmentView[]).map((c) => c.id);

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.signInAs(demoEmail('editor'));
    coordinator = await t.signInAs(demoEmail('coordinator'));
    viewer = await t.signInAs(demoEmail('viewer'));
    draft = (
      await send(
        editor,
        'POST',
        COMMITMENTS,
        {
          organisationId: t.organisationIds.shelter,
          code: 'fair_recruitment_principles',
          signedOn: '2025-03-01',
          countries: ['KEN'],
          sectors: ['domestic_work'],
          undertaking: 'Refer every domestic worker we meet only to licensed agencies (test).',
        },
        201,
      )
    ).data;
  });
  afterAll(() => t?.close());

  it('records a draft with its signatory’s name, editable by the signatory', () => {
    expect(draft).toMatchObject({
      organisation: { id: t.organisationIds.shelter, name: 'Safe Harbour Shelter Network (demo)' },
      code: 'fair_recruitment_principles',
      otherCodeName: null,
      status: 'active',
      isPublished: false,
      progress: [],
      can: { edit: true },
    });
  });

  it('shows the public the published demo commitments only, never a draft', async () => {
    const publicList = (await send(null, 'GET', COMMITMENTS)).data as CommitmentView[];
    expect(publicList.length).toBeGreaterThanOrEqual(3);
    expect(publicList.every((c) => c.isPublished && !c.can.edit)).toBe(true);
    expect(publicList.map((c) => c.otherCodeName)).not.toContain(
      'Regional code of conduct for labour recruiters (demo)',
    );
    expect(publicList.map((c) => c.id)).not.toContain(draft.id);
    expect((await t.as(null, 'GET', `${COMMITMENTS}/${draft.id}`)).statusCode).toBe(404);
    // A partner outside the signatory does not see its draft either; a coordinator sees all.
    expect(await listed(viewer)).not.toContain(draft.id);
    const all = (await send(coordinator, 'GET', COMMITMENTS)).data as CommitmentView[];
    expect(all.map((c) => c.id)).toContain(draft.id);
    expect(all.map((c) => c.otherCodeName)).toContain(
      'Regional code of conduct for labour recruiters (demo)',
    );
  });

  it('shows the public only the public progress reports of a published commitment', async () => {
    const travel = (
      (await send(null, 'GET', `${COMMITMENTS}?code=travel_child_protection_code`)).data as CommitmentView[]
    )[0];
    expect(travel?.organisation.name).toBe('Lakeside Travel and Tourism Association (demo)');
    expect(travel?.progress.map((p) => p.isPublic)).toEqual([true]);
    const seenByCoordinator = (await send(coordinator, 'GET', `${COMMITMENTS}/${travel?.id}`))
      .data as CommitmentView;
    expect(seenByCoordinator.progress).toHaveLength(2);
  });

  it('filters by code, country (naming none covers where the signatory works), sector and status', async () => {
    const byCode = await listed(null, '?code=employer_pays_principle');
    expect(byCode).toHaveLength(1);
    expect(await listed(null, '?code=employer_pays_principle&country=UGA')).toEqual(byCode);
    expect(await listed(null, '?country=TZA')).toEqual([]);
    // The lapsed commitment names no country: it covers Kenya and Uganda, where its signatory works.
    const lapsed = (await send(null, 'GET', `${COMMITMENTS}?status=lapsed`)).data as CommitmentView[];
    expect(lapsed.map((c) => [c.code, c.countries])).toEqual([['athens_ethical_principles', []]]);
    expect(await listed(null, '?status=lapsed&country=UGA')).toEqual(lapsed.map((c) => c.id));
    expect(await listed(null, '?sector=construction')).toEqual(byCode);
    const bad = await t.as(null, 'GET', `${COMMITMENTS}?code=unknown_code`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });

  it('publishes, reports progress public and internal, and shows the public only what it should', async () => {
    await send(editor, 'PATCH', `${COMMITMENTS}/${draft.id}`, { isPublished: true });
    await send(
      editor,
      'POST',
      `${COMMITMENTS}/${draft.id}/progress`,
      {
        reportedOn: '2025-06-01',
        summary: 'Briefed 40 domestic workers before departure (test).',
        isPublic: true,
      },
      201,
    );
    const withBoth = (
      await send(
        editor,
        'POST',
        `${COMMITMENTS}/${draft.id}/progress`,
        {
          reportedOn: '2025-09-01',
          summary: 'One agency lost its licence; we stopped referring to it (test).',
        },
        201,
      )
    ).data as CommitmentView;
    expect(withBoth.progress.map((p) => [p.reportedOn, p.isPublic])).toEqual([
      ['2025-09-01', false],
      ['2025-06-01', true],
    ]);
    const seenByPublic = (await send(null, 'GET', `${COMMITMENTS}/${draft.id}`)).data as CommitmentView;
    expect(seenByPublic.progress.map((p) => p.reportedOn)).toEqual(['2025-06-01']);
    expect(await listed(null, '?country=KEN&code=fair_recruitment_principles')).toContain(draft.id);
  });

  it('refuses a report before the signing day, and a signing day after a report', async () => {
    const early = await t.as(editor, 'POST', `${COMMITMENTS}/${draft.id}/progress`, {
      reportedOn: '2025-02-28',
      summary: 'Too early (test).',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('progress_before_signing');
    const moved = await t.as(editor, 'PATCH', `${COMMITMENTS}/${draft.id}`, { signedOn: '2025-07-01' });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().code).toBe('progress_before_signing');
  });

  it('asks for the name of another code, and only for another code', async () => {
    const base = {
      organisationId: t.organisationIds.shelter,
      signedOn: '2025-01-01',
      undertaking: 'Test undertaking.',
    };
    const unnamed = await t.as(editor, 'POST', COMMITMENTS, { ...base, code: 'other' });
    expect(unnamed.statusCode).toBe(400);
    expect(JSON.stringify(unnamed.json().errors)).toContain('otherCodeName');
    const named = await t.as(editor, 'POST', COMMITMENTS, {
      ...base,
      code: 'employer_pays_principle',
      otherCodeName: 'Something',
    });
    expect(named.statusCode).toBe(400);
    const other = (
      await send(
        editor,
        'POST',
        COMMITMENTS,
        { ...base, code: 'other', otherCodeName: 'A local pledge (test)' },
        201,
      )
    ).data as CommitmentView;
    const listedAgain = (
      await send(editor, 'PATCH', `${COMMITMENTS}/${other.id}`, { code: 'employer_pays_principle' })
    ).data as CommitmentView;
    expect(listedAgain).toMatchObject({ code: 'employer_pays_principle', otherCodeName: null });
  });

  it('lets no other organisation’s editor nor a viewer change it, and the public write nothing', async () => {
    const alliance = (
      (await send(coordinator, 'GET', `${COMMITMENTS}?code=employer_pays_principle`)).data as CommitmentView[]
    ).find((c) => c.organisation.name.startsWith('Fair Employers'));
    expect(alliance?.can.edit).toBe(true);
    const refused = await t.as(editor, 'PATCH', `${COMMITMENTS}/${alliance?.id}`, { status: 'lapsed' });
    expect(refused.statusCode).toBe(403);
    const asViewer = await t.as(viewer, 'POST', `${COMMITMENTS}/${draft.id}/progress`, {
      reportedOn: '2025-10-01',
      summary: 'Not mine to report (test).',
    });
    expect(asViewer.statusCode).toBe(403);
    const otherOrganisation = await t.as(editor, 'POST', COMMITMENTS, {
      organisationId: t.organisationIds.legal,
      code: 'employer_pays_principle',
      signedOn: '2025-01-01',
      undertaking: 'Not ours to sign (test).',
    });
    expect(otherOrganisation.statusCode).toBe(403);
    expect((await t.as(null, 'PATCH', `${COMMITMENTS}/${draft.id}`, { status: 'lapsed' })).statusCode).toBe(
      401,
    );
  });

  it('keeps a withdrawn commitment final: no change, no more reports', async () => {
    const withdrawn = (await send(editor, 'PATCH', `${COMMITMENTS}/${draft.id}`, { status: 'withdrawn' }))
      .data as CommitmentView;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', can: { edit: false } });
    const reopened = await t.as(editor, 'PATCH', `${COMMITMENTS}/${draft.id}`, { status: 'active' });
    expect(reopened.statusCode).toBe(409);
    expect(reopened.json().code).toBe('invalid_transition');
    const report = await t.as(editor, 'POST', `${COMMITMENTS}/${draft.id}/progress`, {
      reportedOn: '2025-10-01',
      summary: 'After withdrawal (test).',
    });
    expect(report.statusCode).toBe(409);
    expect(report.json().code).toBe('commitment_withdrawn');
  });

  it('records every change in the audit trail under the signatory', async () => {
    const rows = await rowsOf<{ action: string; n: number }>(
      t.database.db,
      sql`select action, count(*)::int as n from audit_entries
          where resource_type = 'commitment' and resource_id = ${draft.id} group by action`,
    );
    expect(rows).toEqual([{ action: 'commitments.write', n: expect.any(Number) }]);
    expect(rows[0]?.n).toBeGreaterThanOrEqual(5);
  });

  it('lets row-level security alone hide drafts and internal reports from an anonymous request', async () => {
    const counts = await asRequester(t.database, ANONYMOUS_ACTOR, (tx) =>
      rowsOf<{ drafts: number; internal: number }>(
        tx,
        sql`select (select count(*)::int from commitments where not is_published) as drafts,
                   (select count(*)::int from commitment_progress_reports where not is_public) as internal`,
      ),
    );
    expect(counts).toEqual([{ drafts: 0, internal: 0 }]);
    const [all] = await rowsOf<{ drafts: number; internal: number }>(
      t.database.db,
      sql`select (select count(*)::int from commitments where not is_published) as drafts,
                 (select count(*)::int from commitment_progress_reports where not is_public) as internal`,
    );
    expect(all?.drafts).toBeGreaterThan(0);
    expect(all?.internal).toBeGreaterThan(0);
  });
});
