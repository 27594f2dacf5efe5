// Privacy-preserving releases through the API on both engines: inspect and assess a file, prepare a
// k-anonymous, a differentially private and a suppressed release, publish one for the public to download
// with its checksum, spend a dataset's budget to the end (the refused release leaves nothing), reproduce a
// release from its seed, and make one from case data that uses only the cases consenting to statistics.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db.js';
import type { DatasetBudget, ReleaseView } from '../../src/releases/schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const COUNTRIES = ['NPL', 'NPL', 'NPL', 'KEN', 'KEN', 'UGA', 'PHL', 'THA'];
const AGES = ['18--20', '21--23', '9--17', '24--26', '30--38'];

/** Invented records: a skewed citizenship, an age band, a sex and two sparse flags; no person behind them. */
function generatedCsv(rows: number, seed = 7): string {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const lines = ['gender,ageBroad,citizenship,isForcedLabour,meansDebtBondage'];
  for (let row = 0; row < rows; row++)
    lines.push(
      [
        next(3) === 0 ? 'Male' : 'Female',
        AGES[next(AGES.length)],
        COUNTRIES[next(COUNTRIES.length)],
        next(4) === 0 ? '1' : '',
        next(6) === 0 ? '1' : '',
      ].join(','),
    );
  return `${lines.join('\n')}\n`;
}

const COLUMNS = [
  { name: 'gender', role: 'quasi_identifier' },
  { name: 'ageBroad', role: 'quasi_identifier' },
  { name: 'citizenship', role: 'quasi_identifier' },
  { name: 'isForcedLabour', role: 'sensitive' },
  { name: 'meansDebtBondage', role: 'other' },
];

describe.each(TEST_ENGINES)('releases on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let analyst: Session;
  let viewer: Session;
  const csv = generatedCsv(3000);
  const file = { kind: 'file', fileName: 'generated.csv', content: csv };

  async function prepare(
    as: Session,
    method: Record<string, unknown>,
    title = 'Test release',
    content = csv,
  ) {
    return t.as(as, 'POST', '/api/v1/releases', {
      title,
      source: { ...file, content },
      columns: COLUMNS,
      method,
    });
  }

  async function prepared(as: Session, method: Record<string, unknown>, content = csv): Promise<ReleaseView> {
    const reply = await prepare(as, method, 'Test release', content);
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().data as ReleaseView;
  }

  beforeAll(async () => {
    t = await startTestApp(engine, { demoWithout: ['cases'] });
    coordinator = await t.signInAs(demoEmail('coordinator'));
    analyst = await t.signInAs(demoEmail('analyst'));
    viewer = await t.signInAs(demoEmail('viewer'));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('describes a file’s columns: distinct values, missing cells and the most frequent values', async () => {
    const reply = await t.as(analyst, 'POST', '/api/v1/releases/inspect', { source: file });
    expect(reply.statusCode, reply.body).toBe(200);
    const data = reply.json().data;
    expect(data.rows).toBe(3000);
    const citizenship = data.columns.find((c: { name: string }) => c.name === 'citizenship');
    expect(citizenship).toMatchObject({ distinct: 5, missing: 0, suggestedHierarchy: 'country' });
    expect(citizenship.top[0].value).toBe('NPL');
    const flag = data.columns.find((c: { name: string }) => c.name === 'isForcedLabour');
    expect(flag.missing).toBeGreaterThan(1500);
  });

  it('reports the disclosure risk of the chosen quasi-identifiers in sentences, with a verdict', async () => {
    const rare = `${csv}Male,48+,SRB,1,\n`;
    const reply = await t.as(analyst, 'POST', '/api/v1/releases/risk', {
      source: { ...file, content: rare },
      columns: COLUMNS,
      k: 11,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const risk = reply.json().data;
    expect(risk.recordCount).toBe(3001);
    expect(risk.uniqueRecords).toBeGreaterThanOrEqual(1);
    expect(risk.verdict).toBe('at risk');
    expect(risk.sentences.join(' ')).toMatch(/fewer than|share/);
  });

  it('prepares a k-anonymous draft that only its makers see, then publishes it for anyone to download', async () => {
    const draft = await prepared(analyst, {
      method: 'k-anonymous',
      k: 10,
      reportingLength: 3,
      seed: 'seed-f3a9c1',
    });
    expect(draft).toMatchObject({
      status: 'draft',
      kind: 'synthetic',
      method: 'k-anonymous',
      inputRows: 3000,
    });
    expect(draft.privacy.k).toBeGreaterThanOrEqual(10);
    expect((await t.as(null, 'GET', `/api/v1/releases/${draft.id}`)).statusCode).toBe(404);
    expect(
      (await t.as(viewer, 'POST', `/api/v1/releases/${draft.id}/publication`, { version: 1 })).statusCode,
    ).toBe(403);

    const published = await t.as(coordinator, 'POST', `/api/v1/releases/${draft.id}/publication`, {
      version: 1,
    });
    expect(published.statusCode, published.body).toBe(200);
    const list = (await t.as(null, 'GET', '/api/v1/releases')).json().data as ReleaseView[];
    const listed = list.find((release) => release.id === draft.id);
    expect(listed?.status).toBe('published');
    expect(listed?.seed).toBeNull();

    const download = await t.as(null, 'GET', `/api/v1/releases/${draft.id}/data.csv`);
    expect(download.statusCode).toBe(200);
    const sha = createHash('sha256').update(download.rawPayload).digest('hex');
    expect(sha).toBe(draft.outputChecksum);
    expect(download.headers['x-checksum-sha256']).toBe(draft.outputChecksum);
    expect(download.body.split('\n')[0]).toBe('gender,ageBroad,citizenship,isForcedLabour,meansDebtBondage');
    const report = await t.as(null, 'GET', `/api/v1/releases/${draft.id}/report.html`);
    expect(report.body).toContain('Utility');
    expect(report.body).not.toContain('seed-f3a9c1');
  });

  it('reproduces a release bit for bit from the same input and seed, and differs with another seed', async () => {
    const first = await prepared(analyst, { method: 'k-anonymous', seed: 'same' });
    const again = await prepared(analyst, { method: 'k-anonymous', seed: 'same' });
    const other = await prepared(analyst, { method: 'k-anonymous', seed: 'other' });
    expect(again.outputChecksum).toBe(first.outputChecksum);
    expect(other.outputChecksum).not.toBe(first.outputChecksum);
  });

  it('hides small cells of a count table and the cells that would give them away', async () => {
    const table = await prepared(analyst, {
      method: 'suppression',
      dimensions: ['citizenship', 'ageBroad'],
      threshold: 130,
    });
    expect(table.kind).toBe('table');
    expect(table.privacy.suppressedCells).toBeGreaterThan(0);
    const download = await t.as(analyst, 'GET', `/api/v1/releases/${table.id}/data.csv`);
    const rows = download.body
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    for (const row of rows) {
      const count = row[2] === '' ? null : Number(row[2]);
      if (count !== null && count > 0) expect(count).toBeGreaterThanOrEqual(130);
    }
  });

  it('charges differential privacy to the dataset’s budget and refuses, writing nothing, what would overspend it', async () => {
    const content = generatedCsv(2000, 99);
    const first = await prepared(analyst, { method: 'dp', epsilon: 4, seed: 'a' }, content);
    expect(first.privacy.rho).toBeGreaterThan(0);
    expect(first.budget?.spentRho).toBeCloseTo(first.privacy.rho ?? 0, 9);
    const before = await rowsOf<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from releases`,
    );
    const refused = await prepare(analyst, { method: 'dp', epsilon: 20, seed: 'b' }, 'Too much', content);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('privacy_budget_exceeded');
    const after = await rowsOf<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from releases`,
    );
    expect(after[0]?.count).toBe(before[0]?.count);
    const budgets = (await t.as(analyst, 'GET', '/api/v1/releases/budgets')).json().data;
    const budget = budgets.find((b: { id: string }) => b.id === first.budget?.id);
    expect(budget.spentRho).toBeCloseTo(first.privacy.rho ?? 0, 9);
  });

  it('names each budget’s dataset and the releases that spent it, and refuses a total below what is spent', async () => {
    const content = generatedCsv(1500, 31);
    const spender = await prepared(analyst, { method: 'dp', epsilon: 2, seed: 'c' }, content);
    const budgetId = spender.budget?.id ?? '';
    const budgets = (await t.as(analyst, 'GET', '/api/v1/releases/budgets')).json().data as DatasetBudget[];
    const budget = budgets.find((b) => b.id === budgetId);
    expect(budget).toMatchObject({
      dataset: { kind: 'file', fileName: 'generated.csv', organisation: null },
      releases: [{ id: spender.id, title: 'Test release', status: 'draft' }],
      unlistedRho: 0,
      can: { setTotal: false },
    });
    expect(budget?.releases[0]?.rho).toBeCloseTo(spender.privacy.rho ?? 0, 9);

    const tooLow = await t.as(coordinator, 'PUT', `/api/v1/releases/budgets/${budgetId}`, {
      totalRho: (spender.privacy.rho ?? 0) / 2,
    });
    expect(tooLow.statusCode, tooLow.body).toBe(409);
    expect(tooLow.json()).toMatchObject({
      code: 'privacy_budget_below_spent',
      errors: [{ path: 'body.totalRho', minimum: spender.budget?.spentRho }],
    });
    expect(
      (await t.as(analyst, 'PUT', `/api/v1/releases/budgets/${budgetId}`, { totalRho: 2 })).statusCode,
    ).toBe(403);
    const raised = await t.as(coordinator, 'PUT', `/api/v1/releases/budgets/${budgetId}`, { totalRho: 2 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().data).toMatchObject({ totalRho: 2, can: { setTotal: true } });
    expect(raised.json().data.remainingRho).toBeCloseTo(2 - (spender.privacy.rho ?? 0), 9);

    // A discarded draft's spending stays, counted apart from the releases listed.
    expect(
      (await t.as(analyst, 'DELETE', `/api/v1/releases/${spender.id}?version=${spender.version}`)).statusCode,
    ).toBe(204);
    const after = (await t.as(coordinator, 'GET', '/api/v1/releases/budgets')).json().data as DatasetBudget[];
    const kept = after.find((b) => b.id === budgetId);
    expect(kept?.releases).toEqual([]);
    expect(kept?.unlistedRho).toBeCloseTo(spender.privacy.rho ?? 0, 9);
  });

  it('says where a malformed CSV goes wrong: the code, the row and the cell counts', async () => {
    const reply = await t.as(analyst, 'POST', '/api/v1/releases/inspect', {
      source: { ...file, content: 'gender,ageBroad,citizenship\nFemale,18--20,NPL\nMale,21--23\n' },
    });
    expect(reply.statusCode).toBe(422);
    expect(reply.json()).toMatchObject({
      code: 'malformed_csv',
      errors: [{ path: 'file', code: 'wrong_cell_count', row: 3, cells: 2, expectedCells: 3 }],
    });
    expect(reply.json().detail).toContain('Row 3 has 2 cells where the header has 3');
    const open = await t.as(analyst, 'POST', '/api/v1/releases/inspect', {
      source: { ...file, content: 'gender,note\nFemale,"unclosed\nMale,x\n' },
    });
    expect(open.json()).toMatchObject({
      code: 'malformed_csv',
      errors: [{ code: 'unclosed_quote', row: 2 }],
    });
  });

  it('refuses those who may not prepare releases, and case data to anyone but its organisation’s case managers', async () => {
    expect((await prepare(viewer, { method: 'k-anonymous' })).statusCode).toBe(403);
    const fromCases = await t.as(coordinator, 'POST', '/api/v1/releases/inspect', {
      source: { kind: 'cases', organisationId: t.organisationIds.shelter },
    });
    expect(fromCases.statusCode).toBe(403);
  });

  it('makes a release from case data with only the cases whose consent allows statistics', async () => {
    const manager = await t.signInAs(demoEmail('case_manager'));
    const decisions = ['given', 'given', 'refused', null] as const;
    for (const decision of decisions) {
      const created = await t.as(manager, 'POST', '/api/v1/cases', {
        organisationId: t.organisationIds.shelter,
        facts: { sex: 'female', citizenship: 'NPL', formsOfExploitation: ['forced_labour'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      if (decision === null) continue;
      const id = created.json().data.id as string;
      const recorded = await t.as(manager, 'POST', `/api/v1/cases/${id}/consents`, {
        purpose: 'statistics',
        decision,
        expiresAt: null,
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
    }
    const source = { kind: 'cases', organisationId: t.organisationIds.shelter };
    const inspected = await t.as(manager, 'POST', '/api/v1/releases/inspect', { source });
    expect(inspected.statusCode, inspected.body).toBe(200);
    expect(inspected.json().data.rows).toBe(2);
    const reply = await t.as(manager, 'POST', '/api/v1/releases', {
      title: 'Consenting cases',
      source,
      columns: [
        { name: 'gender', role: 'quasi_identifier' },
        { name: 'citizenship', role: 'quasi_identifier' },
      ],
      method: { method: 'suppression', dimensions: ['citizenship'], threshold: 10 },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const release = reply.json().data as ReleaseView;
    expect(release).toMatchObject({
      inputRows: 2,
      source: { kind: 'cases' },
      organisation: { id: t.organisationIds.shelter },
    });
    const entries = await rowsOf<{ details: Record<string, unknown> }>(
      t.database.db,
      sql`select details from audit_entries where resource_type = 'case_export' and outcome = 'allowed' order by seq`,
    );
    expect(entries.at(-1)?.details).toMatchObject({ purpose: 'release', included: 2, withoutConsent: 2 });
  });

  it('names the column, row and fix when a file does not fit', async () => {
    const reply = await prepare(analyst, { method: 'k-anonymous' }, 'Bad', 'gender,ageBroad\nFemale\n');
    expect(reply.statusCode).toBeGreaterThanOrEqual(400);
    expect(reply.statusCode).toBeLessThan(500);
    expect(reply.json().detail).toMatch(/column|row/i);
  });
});
