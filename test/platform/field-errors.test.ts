// Refused input names each field with a stable code and the limits a client needs to write its own sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

describe.each(TEST_ENGINES)('field errors on $name', (engine) => {
  let t: TestApp;
  let editor: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.signInAs(demoEmail('editor'));
  });
  afterAll(() => t?.close());

  it('gives every failing field its code, what was measured and the limit, all at once', async () => {
    const reply = await t.as(editor, 'POST', '/api/v1/activities', {
      title: '',
      leadOrganisationId: t.organisationIds.shelter,
      activityType: 'not-a-type',
      countries: [],
      plannedStart: 'tomorrow',
    });
    expect(reply.statusCode).toBe(400);
    const errors = reply.json().errors as Record<string, unknown>[];
    const byPath = new Map(errors.map((e) => [e.path, e]));
    expect(byPath.get('body.title')).toMatchObject({ code: 'too_small', origin: 'string', minimum: 1 });
    expect(byPath.get('body.activityType')).toMatchObject({ code: 'invalid_value' });
    expect(byPath.get('body.countries')).toMatchObject({ code: 'too_small', origin: 'array', minimum: 1 });
    expect(byPath.get('body.plannedStart')).toMatchObject({ code: 'invalid_format' });
  });
});
