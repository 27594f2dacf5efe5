// The case exports on both engines: the HTCDS export (JSON and the Excel template) of the cases a manager
// may read, and the CTDC microdata of only those cases whose consent to statistics or research is in force.
// Each export leaves exactly one audit entry with its counts; other roles, tokens and other organisations
// are refused.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { CTDC_COLUMNS } from '../../src/cases/htcds/ctdc-columns.js';
import { HTCDS_COLUMNS } from '../../src/cases/htcds/htcds-columns.js';
import { casesCommand } from '../../src/cli/cases-command.js';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

/** One case per consent situation, told apart in the microdata by citizenship alone. */
const SITUATIONS = [
  { citizenship: 'NPL', consent: [{ purpose: 'statistics', decision: 'given' }], included: true },
  { citizenship: 'KEN', consent: [{ purpose: 'research', decision: 'given' }], included: true },
  {
    citizenship: 'UGA',
    consent: [
      { purpose: 'statistics', decision: 'given' },
      { purpose: 'statistics', decision: 'withdrawn' },
    ],
    included: false,
  },
  {
    citizenship: 'PHL',
    consent: [{ purpose: 'statistics', decision: 'given', expires: true }],
    included: false,
  },
  { citizenship: 'THA', consent: [{ purpose: 'statistics', decision: 'refused' }], included: false },
  {
    citizenship: 'VNM',
    consent: [{ purpose: 'receive_services', decision: 'given' }],
    included: false,
  },
] as const;

function csvRows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

describe.each(TEST_ENGINES)('case exports on $name', (engine) => {
  let t: TestApp;
  let manager: Session;
  let worker: Session;
  const codes: string[] = [];

  beforeAll(async () => {
    // The export holds every case of the organisation: the demo's invented cases would be counted too.
    t = await startTestApp(engine, { demoWithout: ['cases'] });
    manager = await t.signInAs(demoEmail('case_manager'));
    worker = await t.signInAs(demoEmail('case_worker'));
    for (const situation of SITUATIONS) {
      const created = await t.as(manager, 'POST', '/api/v1/cases', {
        organisationId: t.organisationIds.shelter,
        facts: {
          sex: 'female',
          gender: 'woman',
          ageBandAtIdentification: '18-20',
          ageBandWhenTrafficked: '9-17',
          citizenship: situation.citizenship,
          exploitationCountries: ['KEN'],
          formsOfExploitation: ['forced_labour'],
          sector: 'domestic_work',
          meansOfControl: ['debt_bondage', 'document_confiscation'],
          recruitmentChannel: 'job_offer',
          recruiterRelation: 'family_member',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id, code } = created.json().data as { id: string; code: string };
      codes.push(code);
      for (const decision of situation.consent) {
        const expiresAt = 'expires' in decision ? new Date(Date.now() + 60_000).toISOString() : null;
        const recorded = await t.as(manager, 'POST', `/api/v1/cases/${id}/consents`, {
          purpose: decision.purpose,
          decision: decision.decision,
          expiresAt,
        });
        expect(recorded.statusCode, recorded.body).toBe(201);
      }
      // An expiry cannot be recorded in the past: the consent lapses as time passes, here moved forward.
      if (situation.consent.some((decision) => 'expires' in decision))
        await t.database.db.execute(
          sql`update case_consents set expires_at = now() - interval '1 minute' where case_id = ${id}`,
        );
    }
  });
  afterAll(() => t?.close());

  /**
   * The exports that were let through: a refusal is audited once its answer has gone, so one refused
   * just before may still be arriving while the next test counts.
   */
  async function auditEntries(action: string) {
    return rowsOf<{ details: Record<string, unknown>; resource_type: string }>(
      t.database.db,
      sql`select details, resource_type from audit_entries
          where action = ${action} and outcome = 'allowed' order by seq`,
    );
  }

  it('exports every case the manager holds as HTCDS records, mapped to HTCDS values', async () => {
    const reply = await t.as(manager, 'GET', '/api/v1/cases/export/htcds');
    expect(reply.statusCode, reply.body).toBe(200);
    const data = reply.json().data as { version: string; cases: Record<string, unknown>[] };
    expect(data.version).toBe('2.0');
    expect(data.cases.map((c) => c.cas_CaseCode).sort()).toEqual([...codes].sort());
    expect(data.cases.find((c) => c.prs_Citizenship === 'NP')).toMatchObject({
      cas_Status: 'Active',
      prs_Gender: 'Feminine',
      vic_TypeOfExploitation: ['ForcedLabour'],
      vic_ForcedLabourIndustry: ['T_ActivitiesOfHouseholdsAsEmployers'],
      vic_MethodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
      vic_RecruiterRelationship: 'Family',
      hte_ExploitationCountries: ['KE'],
    });
  });

  it('writes the spreadsheet with the template’s field names, then labels, then one case per row', async () => {
    const reply = await t.as(manager, 'GET', '/api/v1/cases/export/htcds?format=xlsx');
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('HTCDS');
    if (!sheet) throw new Error('the workbook has no HTCDS sheet');
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(names).toEqual(HTCDS_COLUMNS.map((column) => column.name));
    expect(sheet.getRow(1).hidden).toBe(true);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(HTCDS_COLUMNS.map((c) => c.label));
    expect(sheet.rowCount).toBe(2 + SITUATIONS.length);
    const control = HTCDS_COLUMNS.findIndex((column) => column.name === 'vic_MethodsOfControl') + 1;
    expect(sheet.getRow(3).getCell(control).value).toBe('DebtBondage;WithholdsDocuments');
  });

  it('puts only cases with statistics or research consent in force into the microdata', async () => {
    const reply = await t.as(manager, 'GET', '/api/v1/cases/export/microdata.csv');
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-type']).toMatch(/text\/csv/);
    const [header, ...rows] = csvRows(reply.body);
    expect(header).toEqual([...CTDC_COLUMNS]);
    const column = (name: string) => (header ?? []).indexOf(name);
    const citizenships = rows.map((row) => row[column('citizenship')]).sort();
    expect(citizenships).toEqual(['KE', 'NP']);
    for (const row of rows) {
      expect(row[column('ageBroad')]).toBe('18-20');
      expect(row[column('majorityStatus')]).toBe('Adult');
      expect(row[column('majorityStatusAtExploit')]).toBe('Minor');
      expect(row[column('meansOfControlDebtBondage')]).toBe('1');
      expect(row[column('meansOfControlThreats')]).toBe('0');
      expect(row[column('meansOfControlNotSpecified')]).toBe('0');
      expect(row[column('isForcedLabour')]).toBe('1');
      expect(row[column('typeOfLabourDomesticWork')]).toBe('1');
      expect(row[column('recruiterRelationFamily')]).toBe('1');
      expect(row[column('yearOfRegistration')]).toMatch(/^\d{4}$/);
    }
  });

  it('holds no case code and no date finer than the year in the microdata', async () => {
    const reply = await t.as(manager, 'GET', '/api/v1/cases/export/microdata.csv');
    for (const code of codes) expect(reply.body).not.toContain(code);
    expect(reply.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(reply.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('leaves one audit entry per export, with its counts and nothing about a case', async () => {
    const before = (await auditEntries('cases.export_microdata')).length;
    await t.as(manager, 'GET', '/api/v1/cases/export/microdata.csv');
    const after = await auditEntries('cases.export_microdata');
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)?.resource_type).toBe('case_export');
    expect(after.at(-1)?.details).toMatchObject({ format: 'ctdc_csv', cases: 2, withoutConsent: 4 });
    const htcdsBefore = (await auditEntries('cases.export')).length;
    await t.as(manager, 'GET', '/api/v1/cases/export/htcds?format=xlsx');
    const htcds = await auditEntries('cases.export');
    expect(htcds.length).toBe(htcdsBefore + 1);
    expect(htcds.at(-1)?.details).toMatchObject({ format: 'xlsx', cases: SITUATIONS.length });
    for (const entry of [...after, ...htcds])
      for (const code of codes) expect(JSON.stringify(entry)).not.toContain(code);
  });

  it('refuses case workers, other roles and anonymous callers', async () => {
    for (const url of ['/api/v1/cases/export/htcds', '/api/v1/cases/export/microdata.csv']) {
      expect((await t.as(null, 'GET', url)).statusCode).toBe(401);
      expect((await t.as(worker, 'GET', url)).statusCode).toBe(403);
      for (const role of ['coordinator', 'analyst', 'admin'] as const) {
        const session = await t.openSessionAs(demoEmail(role));
        const reply = await t.as(session, 'GET', url);
        expect(reply.statusCode, `${role} ${url}`).toBe(403);
        expect(reply.json()).toMatchObject({ code: 'forbidden' });
      }
    }
  });

  it('refuses another organisation’s cases by name, with a problem the caller can read', async () => {
    const legal = t.organisationIds.legal;
    const reply = await t.as(manager, 'GET', `/api/v1/cases/export/htcds?organisationId=${legal}`);
    expect(reply.statusCode).toBe(403);
    expect(reply.json().detail).toMatch(/another organisation/);
    const bad = await t.as(manager, 'GET', '/api/v1/cases/export/htcds?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    expect(bad.json().errors[0].path).toMatch(/format/);
  });

  it('refuses an API token even of a case manager', async () => {
    const created = await t.as(manager, 'POST', '/api/v1/account/tokens', {
      name: 'export script',
      roles: ['case_manager'],
      currentPassword: DEMO_PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().data.token}` };
    const reply = await t.as(null, 'GET', '/api/v1/cases/export/microdata.csv', undefined, bearer);
    expect(reply.statusCode).toBe(403);
    expect(reply.json().detail).toMatch(/API token/);
  });

  describe('concerted cases export', () => {
    let directory: string;
    beforeAll(async () => {
      directory = await mkdtemp(path.join(tmpdir(), 'case-export-'));
    });
    afterAll(() => rm(directory, { recursive: true, force: true }));
    afterEach(() => {
      process.exitCode = undefined;
    });

    async function run(args: string[]) {
      const stdout: string[] = [];
      const stderr: string[] = [];
      const out = vi.spyOn(process.stdout, 'write').mockImplementation((c) => stdout.push(String(c)) > 0);
      const err = vi.spyOn(process.stderr, 'write').mockImplementation((c) => stderr.push(String(c)) > 0);
      try {
        const open = async () => ({ ...t.database, close: async () => {} });
        await casesCommand(open).parseAsync(['export', ...args], { from: 'user' });
      } finally {
        out.mockRestore();
        err.mockRestore();
      }
      return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
    }

    it('writes the consented microdata to a file, reports its counts and audits the export', async () => {
      const file = path.join(directory, 'microdata.csv');
      const before = (await auditEntries('cases.export_microdata')).length;
      const result = await run(['--format', 'ctdc-csv', '--out', file, '--json']);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toMatchObject({ cases: 2, withoutConsent: 4 });
      const [header, ...rows] = csvRows(await readFile(file, 'utf8'));
      expect(header).toEqual([...CTDC_COLUMNS]);
      expect(rows).toHaveLength(2);
      const entries = await auditEntries('cases.export_microdata');
      expect(entries).toHaveLength(before + 1);
      expect(entries.at(-1)?.details).toMatchObject({ format: 'ctdc-csv', cases: 2 });
    });

    it('writes the HTCDS JSON and the spreadsheet', async () => {
      const json = path.join(directory, 'cases.json');
      const text = await run(['--format', 'htcds-json', '--out', json]);
      expect(text.stdout).toContain(`Wrote ${SITUATIONS.length} cases to ${json}.`);
      const exported = JSON.parse(await readFile(json, 'utf8')) as { cases: unknown[] };
      expect(exported.cases).toHaveLength(SITUATIONS.length);
      const xlsx = path.join(directory, 'cases.xlsx');
      expect((await run(['--format', 'htcds-xlsx', '--out', xlsx])).exitCode).toBeUndefined();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      expect(workbook.getWorksheet('HTCDS')?.rowCount).toBe(2 + SITUATIONS.length);
    });

    it('refuses a file it cannot write in one readable line, auditing nothing', async () => {
      const before = (await auditEntries('cases.export')).length;
      const nowhere = path.join(directory, 'missing-folder', 'cases.json');
      const unwritable = await run(['--format', 'htcds-json', '--out', nowhere]);
      expect(unwritable.exitCode).toBe(1);
      expect(unwritable.stderr).toMatch(/cannot be written \(ENOENT\); nothing was exported/);
      expect(await auditEntries('cases.export')).toHaveLength(before);
    });
  });
});
