// Inputs that once reached the database and came back as 500: each is now a 4xx problem+json naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppError } from '../../src/platform/http-errors.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const NUL = '\u0000';

describe.each(TEST_ENGINES)('bad input on $name', (engine) => {
  let t: TestApp;
  let editor: Session;
  let coordinator: Session;
  let admin: Session;
  let analyst: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.signInAs(demoEmail('editor'));
    coordinator = await t.signInAs(demoEmail('coordinator'));
    admin = await t.signInAs(demoEmail('admin'));
    analyst = await t.signInAs(demoEmail('analyst'));
  });
  afterAll(() => t?.close());

  function activity(overrides: Record<string, unknown> = {}) {
    return {
      title: 'Shelter beds',
      leadOrganisationId: t.organisationIds.shelter,
      activityType: 'shelter',
      countries: [{ iso3: 'KEN', role: 'destination' }],
      ...overrides,
    };
  }

  async function expectRefusal(
    reply: { statusCode: number; json(): unknown; body: string },
    field: string,
    says?: RegExp,
  ) {
    expect(reply.statusCode, reply.body).toBeGreaterThanOrEqual(400);
    expect(reply.statusCode, reply.body).toBeLessThan(500);
    const problem = reply.json() as { code: string; errors?: { path: string }[] };
    expect(problem.code).toMatch(/^[a-z_]+$/);
    expect(problem.errors?.map((error) => error.path) ?? []).toContain(field);
    expect(reply.body).not.toMatch(
      /select|insert|update .* set|invalid byte sequence|out of range for type/i,
    );
    if (says)
      expect(problem.errors?.find((error) => error.path === field)).toMatchObject({
        message: expect.stringMatching(says),
      });
  }

  it('refuses a NUL character in an activity description, naming the field', async () => {
    const reply = await t.as(editor, 'POST', '/api/v1/activities', activity({ description: `a${NUL}b` }));
    await expectRefusal(reply, 'body.description');
  });

  it('refuses a NUL character in a mechanism mandate and a meeting summary', async () => {
    const mechanism = await t.as(coordinator, 'POST', '/api/v1/mechanisms', {
      name: 'Task force',
      kind: 'national_task_force',
      mandate: `x${NUL}`,
    });
    await expectRefusal(mechanism, 'body.mandate');
    const created = await t.as(coordinator, 'POST', '/api/v1/mechanisms', {
      name: 'Task force',
      kind: 'national_task_force',
    });
    expect(created.statusCode, created.body).toBe(201);
    const meeting = await t.as(coordinator, 'POST', `/api/v1/mechanisms/${created.json().data.id}/meetings`, {
      heldOn: '2026-01-10',
      title: 'First meeting',
      summary: `agreed${NUL}`,
    });
    await expectRefusal(meeting, 'body.summary');
  });

  it('refuses a NUL character in a need note and people in need beyond what can be stored', async () => {
    const need = { iso3: 'KEN', fromYear: 2025, toYear: 2026, level: 'high' };
    await expectRefusal(
      await t.as(coordinator, 'POST', '/api/v1/coverage/needs', { ...need, note: `n${NUL}` }),
      'body.note',
    );
    await expectRefusal(
      await t.as(coordinator, 'POST', '/api/v1/coverage/needs', { ...need, peopleInNeed: 1e15 }),
      'body.peopleInNeed',
    );
  });

  it('refuses NUL characters in query parameters', async () => {
    await expectRefusal(await t.as(null, 'GET', '/api/v1/activities?q=a%00b'), 'querystring.q');
    await expectRefusal(await t.as(null, 'GET', '/api/v1/activities?after=a%00b'), 'querystring.after');
    await expectRefusal(await t.as(admin, 'GET', '/api/v1/audit?action=a%00b'), 'querystring.action');
    await expectRefusal(
      await t.as(null, 'GET', '/api/v1/statistics/query?indicator=a%00b'),
      'querystring.indicator',
    );
    await expectRefusal(
      await t.as(null, 'GET', '/api/v1/statistics/releases?source=a%00b'),
      'querystring.source',
    );
  });

  it('refuses integers beyond PostgreSQL’s range in query parameters', async () => {
    await expectRefusal(
      await t.as(null, 'GET', '/api/v1/coverage/needs?year=9007199254740991'),
      'querystring.year',
    );
  });

  it('refuses dates in year 0', async () => {
    await expectRefusal(
      await t.as(editor, 'POST', '/api/v1/activities', activity({ plannedStart: '0000-01-01' })),
      'body.plannedStart',
    );
    await expectRefusal(
      await t.as(admin, 'GET', '/api/v1/audit?from=0000-01-01T00:00:00Z'),
      'querystring.from',
    );
  });

  it('refuses an activity file with an unclosed quote, a DOCTYPE entity, or a broken workbook', async () => {
    const upload = (body: string | Buffer, type: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/activities/import',
        headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken, 'content-type': type },
        payload: body,
      });
    await expectRefusal(await upload('identifier,title\n"T-1,Unclosed\n', 'text/csv'), 'file', /quote/i);
    const entity =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><iati-activities><iati-activity>&e;</iati-activity></iati-activities>';
    await expectRefusal(await upload(entity, 'application/xml'), 'file', /DOCTYPE/);
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await expectRefusal(await upload(Buffer.from('not a workbook at all'), xlsxType), 'file', /workbook/);
    await expectRefusal(
      await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), xlsxType),
      'file',
      /workbook/,
    );
  });

  it('refuses a change of membership that changes nothing', async () => {
    const orgAdmin = await t.signInAs(demoEmail('org_admin'));
    const url = `/api/v1/organisations/${t.organisationIds.shelter}/members/${orgAdmin.userId}`;
    const reply = await t.as(orgAdmin, 'PATCH', url, {});
    expect(reply.statusCode, reply.body).toBe(400);
    expect(reply.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('refuses a statistics file that is not a workbook', async () => {
    const reply = await t.as(analyst, 'POST', '/api/v1/statistics/imports', {
      source: 'glotip',
      fileName: 'glotip.xlsx',
      content: Buffer.from('PK\u0003\u0004truncated').toString('base64'),
      encoding: 'base64',
    });
    await expectRefusal(reply, 'file', /workbook/);
  });
});

describe('the last line for database data errors', () => {
  it('turns any SQLSTATE of class 22 into a 400 that repeats none of the database’s words', () => {
    const driverError = Object.assign(
      new Error('value "9007199254740991" is out of range for type integer'),
      {
        code: '22003',
      },
    );
    const wrapped = Object.assign(new Error('Failed query: select * from needs where year = $1'), {
      cause: driverError,
    });
    for (const error of [driverError, wrapped]) {
      const refused = toAppError(error);
      expect(refused.status).toBe(400);
      expect(refused.code).toBe('validation_failed');
      expect(refused.message).not.toMatch(/integer|select|9007199254740991/);
    }
    expect(toAppError(Object.assign(new Error('x'), { code: '22021' })).status).toBe(400);
    expect(toAppError(Object.assign(new Error('x'), { code: '22008' })).status).toBe(400);
  });

  it('keeps a parser failure while writing an export a server error', () => {
    const inExceljs = new Error('invalid signature: 0x0');
    inExceljs.stack = 'Error: invalid signature\n    at x (/srv/node_modules/unzipper/lib/parse.js:1:1)';
    expect(toAppError(inExceljs, 'GET').status).toBe(500);
    expect(toAppError(inExceljs, 'POST').status).toBe(400);
  });
});
