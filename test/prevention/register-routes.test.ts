// The register of intermediaries through the API on both engines: a coordinator imports a publisher's file
// (title rows, its own headings and status words) after a preview; a file with one bad row is refused whole,
// naming the row, column, what and fix; importing the same file again changes nothing; the public look-up,
// signed out, finds the licensed agency and reports the lapsed one in English, Arabic and Russian; complaints
// are never listed, only counted from the minimum on. Every agency, number and office is invented.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db.js';
import type {
  AgencyView,
  ImportPreview,
  ImportSummaryView,
  LookupView,
} from '../../src/prevention/register-store/api-schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const BASE = '/api/v1/intermediaries';
const OFFICE = 'Invented Labour Licensing Office';

/** A publisher's file as such files come: a title, a date line, its own headings and status words. */
const fileWith = (extraRows: string[] = []) =>
  [
    'Invented Labour Licensing Office — Licensed Recruitment Agencies',
    'Status as of 1 January 2026',
    '',
    'No.;Name of Agency;Lic. No.;Country;Status;Date Issued;Valid Until',
    '1;Northwind Careers Ltd;EX-LB-001;PHL;In good standing;01/01/2024;31/12/2099',
    '2;Southgate Placement Inc.;EX-LB-002;PHL;Expired;01/01/2019;31/12/2020',
    '3;Eastfield Brides Agency;EX-MB-003;PHL;Struck off;01/01/2020;31/12/2099',
    ...extraRows,
    ';Total: 3 agencies;;;;;',
  ].join('\r\n');

const OPTIONS = {
  defaultKind: 'recruitment',
  defaultAuthority: OFFICE,
  statusWords: { 'In good standing': 'active', 'Struck off': 'revoked' },
  columnNames: { 'Lic. No.': 'licence_number' },
};

const csvFile = (content: string) => ({
  format: 'csv',
  fileName: 'licensed-agencies.csv',
  content,
  ...OPTIONS,
});

describe.each(TEST_ENGINES)('the register through the API on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;

  const agencyCount = async () =>
    (await rowsOf<{ n: number }>(t.database.db, sql`select count(*)::int as n from intermediary_agencies`))[0]
      ?.n;

  const lookUp = async (query: string) => {
    const reply = await t.app.inject({ method: 'GET', url: `${BASE}?${query}` });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data as LookupView;
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { demoWithout: ['cases', 'assistance', 'knowledge', 'plans'] });
    coordinator = await t.signInAs(demoEmail('coordinator'));
    editor = await t.signInAs(demoEmail('editor'));
  });
  afterAll(() => t?.close());

  it('previews a publisher’s file without writing, and refuses it whole for one bad row', async () => {
    const before = await agencyCount();
    const bad = csvFile(
      fileWith(['4;Westbrook Overseas;EX-LB-004;PHL;In good standing;31/02/2024;31/12/2099']),
    );
    const preview = await t.as(coordinator, 'POST', `${BASE}/imports/preview`, bad);
    expect(preview.statusCode, preview.body).toBe(200);
    const seen = preview.json().data as ImportPreview;
    expect(seen.headerRow).toBe(4);
    expect(seen.agencies.map((agency) => agency.name)).toEqual([
      'Northwind Careers Ltd',
      'Southgate Placement Inc.',
      'Eastfield Brides Agency',
    ]);
    expect(seen.agencies.map((agency) => agency.licences[0]?.state)).toEqual([
      'licensed',
      'lapsed',
      'revoked',
    ]);
    expect(seen.problems).toEqual([
      expect.objectContaining({ row: 8, column: 6, columnName: 'Date Issued', code: 'invalid_date' }),
    ]);
    expect(seen.problems[0]?.fix.length).toBeGreaterThan(10);
    // The unknown "No." column (row 4) and the total under the rows (row 9) are set aside with a note.
    expect(seen.notes.map((note) => note.row)).toEqual([4, 9]);
    expect(await agencyCount()).toBe(before);

    const refused = await t.as(coordinator, 'POST', `${BASE}/imports`, bad);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().code).toBe('register_import_rejected');
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ row: 8, column: 6, columnName: 'Date Issued', code: 'invalid_date' }),
    ]);
    expect(await agencyCount()).toBe(before);
  });

  it('imports a good file, and the same file again changes nothing', async () => {
    const first = await t.as(coordinator, 'POST', `${BASE}/imports`, csvFile(fileWith()));
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json().data as ImportSummaryView).agencies).toEqual({ added: 3, changed: 0, unchanged: 0 });
    const count = await agencyCount();
    const again = await t.as(coordinator, 'POST', `${BASE}/imports`, csvFile(fileWith()));
    expect(again.statusCode, again.body).toBe(200);
    const summary = again.json().data as ImportSummaryView;
    expect(summary.agencies).toEqual({ added: 0, changed: 0, unchanged: 3 });
    expect(summary.licences).toEqual({ added: 0, changed: 0, unchanged: 3 });
    expect(await agencyCount()).toBe(count);
    const audited = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_entries where action = 'intermediaries.import' and outcome = 'allowed'`,
    );
    expect(audited[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('reads the same register from a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    for (const line of fileWith().split('\r\n')) sheet.addRow(line.split(';'));
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const reply = await t.as(coordinator, 'POST', `${BASE}/imports`, {
      ...csvFile(''),
      format: 'xlsx',
      fileName: 'licensed-agencies.xlsx',
      content,
      encoding: 'base64',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect((reply.json().data as ImportSummaryView).agencies).toEqual({ added: 0, changed: 0, unchanged: 3 });
  });

  it('answers a signed-out look-up: licensed in English, lapsed in Arabic and Russian', async () => {
    const licensed = await lookUp('name=Northwind%20Careers&lang=en');
    expect(licensed.answer.status).toBe('licensed');
    expect(licensed.answer.sentence).toBe('Yes, this agency is licensed.');
    expect(licensed.matches[0]?.agency.sentences.standing).toContain('2099-12-31');

    for (const [lang, script] of [
      ['ar', /[\u0600-\u06FF]/],
      ['ru', /[\u0400-\u04FF]/],
      ['en', /expired/],
    ] as const) {
      const lapsed = await lookUp(`licence=ex-lb-002&lang=${lang}`);
      expect(lapsed.answer.status).toBe('lapsed');
      expect(lapsed.language).toBe(lang);
      expect(lapsed.answer.sentence).toMatch(script);
      const agency = lapsed.matches[0]?.agency;
      expect(agency?.standing.state).toBe('lapsed');
      expect(agency?.sentences.standing).toMatch(script);
      expect(agency?.sentences.standing).toContain('2020-12-31');
      expect(agency?.sentences.signs[0]).toMatch(script);
    }
    const byHeader = await t.app.inject({
      method: 'GET',
      url: `${BASE}?licence=EX-MB-003`,
      headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
    });
    expect(byHeader.json().data.answer.status).toBe('revoked');
    expect(byHeader.json().data.language).toBe('ru');
  });

  it('never lists complaints: the public sees a banded count from the minimum on', async () => {
    const [found] = (await lookUp('licence=EX-LB-002')).matches;
    const id = found?.agency.id ?? '';
    for (let i = 0; i < 7; i += 1) {
      const day = new Date(Date.now() - (i + 1) * 86_400_000).toISOString().slice(0, 10);
      const reply = await t.as(coordinator, 'POST', `${BASE}/${id}/complaints`, {
        receivedOn: day,
        category: 'fees',
        status: 'received',
      });
      expect(reply.statusCode, reply.body).toBe(201);
    }
    const reply = await t.app.inject({ method: 'GET', url: `${BASE}/${id}?lang=en` });
    expect(reply.statusCode, reply.body).toBe(200);
    const agency = reply.json().data as AgencyView;
    expect(reply.body).not.toContain('receivedOn');
    const sign = agency.signs.find((candidate) => candidate.id === 'complaints');
    expect(sign?.values.count).toBe('5');
    expect(agency.sentences.signs).toContain(
      'At least 5 complaints about this agency were received in the last 12 months.',
    );
  });

  it('lets a coordinator add an agency with an inspection and a sanction, and an editor of no keeper nothing', async () => {
    const created = await t.as(coordinator, 'POST', BASE, {
      name: 'Harbourlight Travel and Tours',
      otherNames: [],
      kind: 'travel',
      country: 'PHL',
      address: null,
      registrationNumber: 'REG-778',
      licences: [
        {
          number: 'EX-TR-9',
          issuingAuthority: OFFICE,
          status: 'suspended',
          validFrom: '2024-01-01',
          validUntil: '2099-12-31',
          statusSince: '2025-01-01',
          statusUntil: '2099-06-30',
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const agency = created.json().data as AgencyView;
    expect(agency.standing.state).toBe('suspended');
    const sanction = await t.as(coordinator, 'POST', `${BASE}/${agency.id}/sanctions`, {
      imposedOn: '2025-01-01',
      kind: 'suspension',
      until: '2099-06-30',
      authority: OFFICE,
    });
    expect(sanction.statusCode, sanction.body).toBe(201);
    expect((sanction.json().data as AgencyView).sanctionsInForce).toHaveLength(1);
    const refused = await t.as(editor, 'POST', `${BASE}/${agency.id}/inspections`, {
      date: '2025-02-01',
      outcome: 'violations',
      authority: null,
    });
    expect(refused.statusCode).toBe(403);
    const looked = await lookUp('name=Harbourlight%20Travel%20and%20Tours&lang=ar');
    expect(looked.answer.status).toBe('suspended');
    expect(looked.matches[0]?.agency.sentences.sanctionsInForce[0]).toMatch(/[\u0600-\u06FF]/);
  });

  it('counts referrals naming an agency for the public only from the minimum on, never listing them', async () => {
    const worker = await t.signInAs(demoEmail('case_worker'));
    const [found] = (await lookUp('licence=EX-LB-001')).matches;
    const agencyId = found?.agency.id ?? '';
    const opened = await t.as(worker, 'POST', '/api/v1/cases', {
      organisationId: t.organisationIds.shelter,
      facts: { sex: 'female', citizenship: 'NPL', formsOfExploitation: ['forced_labour'] },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().data.id as string;
    const consent = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/consents`, {
      purpose: 'share_with_organisation',
      recipientOrganisationId: t.organisationIds.legal,
      decision: 'given',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const link = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const referred = await t.as(worker, 'POST', `/api/v1/cases/${caseId}/referrals`, {
          toOrganisationId: t.organisationIds.legal,
          service: 'legal_aid',
        });
        expect(referred.statusCode, referred.body).toBe(201);
        const linked = await t.as(worker, 'POST', `${BASE}/${agencyId}/referral-links`, {
          referralId: referred.json().data.id,
        });
        expect(linked.statusCode, linked.body).toBe(201);
      }
    };
    const referralSign = async () =>
      (await lookUp('licence=EX-LB-001')).matches[0]?.agency.signs.find((sign) => sign.id === 'referrals');
    await link(4);
    expect(await referralSign()).toBeUndefined();
    await link(2);
    expect((await referralSign())?.values.count).toBe('5');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `${BASE}/${agencyId}/referral-links`,
      payload: { referralId: agencyId },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a look-up that names nothing', async () => {
    const reply = await t.app.inject({ method: 'GET', url: `${BASE}?lang=en` });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().code).toBe('validation_failed');
  });
});
