// Proof of no leak: canary names, phone and document numbers planted through the API never appear in log
// lines, error bodies, URLs, the audit trail or the database's plain text (a pg_dump of the server, the
// files of an embedded data directory). A control string stored in the clear is found by the same scans,
// so a scan that sees nothing has really looked.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, users } from '../../src/access/schema.js';
import { normaliseDocumentNumber, normaliseName } from '../../src/cases/duplicates/normalise.js';
import { migrateDatabase, openDatabase, rowsOf } from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/seed-reference.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES, type TestDatabase } from '../support/databases.js';

const CANARIES = {
  name: 'Velmorrah Quistendale',
  alias: 'Tiqqa Brambleholt',
  phone: '+99 555 0177 4242',
  passport: 'KQ8833107',
  address: '41 Canary Wharfside Lane',
};
/** The forms the duplicate check hashes: they must never be stored or shown as such either. */
const NORMALISED = {
  name: normaliseName(CANARIES.name),
  alias: normaliseName(CANARIES.alias),
  passport: normaliseDocumentNumber('kq 883-3107'),
};
/** Stored in the clear on purpose (an organisation's name), so that every scan must find it. */
const CONTROL = 'Canarycontrol Outreach Collective';

const run = promisify(execFile);

describe.each(TEST_ENGINES)('canaries on $name', (engine) => {
  let t: TestApp;
  let database: TestDatabase;
  let dataDir: string | null = null;
  let worker: Session;
  let manager: Session;
  const logs: string[] = [];
  const bodies: string[] = [];
  const urls: string[] = [];
  let plantedCode = '';
  let duplicatesAnswer = '';

  beforeAll(async () => {
    if (engine.name === 'pglite') {
      dataDir = await mkdtemp(path.join(tmpdir(), 'canary-data-'));
      const handle = await openDatabase({ dataDir });
      await migrateDatabase(handle);
      await handle.db.transaction((tx) => seedReferenceData(tx));
      database = { ...handle, dispose: () => handle.close() };
    } else {
      database = await engine.open();
    }
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    t = await startTestApp(engine, { database, logStream, logLevel: 'debug' });
    worker = await t.signInAs(demoEmail('case_worker'));
    manager = await t.signInAs(demoEmail('case_manager'));
    await plant();
  });
  afterAll(async () => {
    // The embedded database is already closed once its files were read.
    await t?.close().catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Sends a request and keeps its URL and, unless it is a read of personal data, its answer. */
  async function send(session: Session, method: string, url: string, body?: unknown, keepBody = true) {
    urls.push(url);
    const reply = await t.as(session, method, url, body);
    if (keepBody) bodies.push(reply.body);
    return reply;
  }

  async function plant() {
    await t.database.db.execute(sql`insert into organisations (name, actor_type) values (${CONTROL}, 'ngo')`);
    const person = {
      names: [
        { kind: 'name', value: CANARIES.name },
        { kind: 'alias', value: CANARIES.alias },
      ],
      contacts: [{ kind: 'phone', value: CANARIES.phone }],
      identityDocuments: [{ kind: 'passport', number: CANARIES.passport, issuingCountry: 'NPL' }],
      addresses: [{ text: CANARIES.address }],
    };
    const shelter = t.organisationIds.shelter;
    const created = await send(worker, 'POST', '/api/v1/cases', { organisationId: shelter, person }, false);
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().data.id as string;
    plantedCode = created.json().data.code as string;
    // Requests that fail, carrying the canaries in what they get wrong.
    const tooLong = `${CANARIES.name} ${'x'.repeat(300)}`;
    const refused = [
      await send(worker, 'PUT', `/api/v1/cases/${caseId}/person`, {
        version: 1,
        person: { names: [{ kind: 'name', value: tooLong }] },
      }),
      await send(worker, 'PUT', `/api/v1/cases/${caseId}/person`, {
        version: 7,
        person: { contacts: [{ kind: 'phone', value: CANARIES.phone }] },
      }),
      await send(worker, 'PUT', `/api/v1/cases/${caseId}/person`, {
        version: 1,
        person: { passport: CANARIES.passport },
      }),
      await send(worker, 'POST', '/api/v1/cases', {
        organisationId: shelter,
        person: { names: [{ kind: 'nickname', value: CANARIES.alias }] },
      }),
      await send(worker, 'POST', '/api/v1/screening', {
        description: CANARIES.name,
        answers: { [CANARIES.passport]: 'yes' },
      }),
    ];
    for (const reply of refused) expect(reply.statusCode).toBeGreaterThanOrEqual(400);
    await send(worker, 'GET', `/api/v1/cases/${caseId}/person`, undefined, false);
    await send(manager, 'GET', `/api/v1/cases/${caseId}`);
    await send(manager, 'GET', '/api/v1/cases');
    const legal = t.organisationIds.legal;
    await send(worker, 'POST', `/api/v1/cases/${caseId}/consents`, {
      purpose: 'share_with_organisation',
      recipientOrganisationId: legal,
      decision: 'given',
    });
    await send(worker, 'POST', `/api/v1/cases/${caseId}/referrals`, {
      toOrganisationId: legal,
      service: 'legal_aid',
    });
    await send(worker, 'POST', `/api/v1/cases/${caseId}/screenings`, { answers: { recruited: 'yes' } });
    await send(worker, 'POST', `/api/v1/cases/${caseId}/consents`, {
      purpose: 'statistics',
      decision: 'given',
    });
    await send(manager, 'GET', '/api/v1/cases/export/htcds');
    await send(manager, 'GET', '/api/v1/cases/export/microdata.csv');
    await plantFollowUp(caseId, person);
  }

  /** Follow-up: the same person held by a second organisation, a file, and text that would name them. */
  async function plantFollowUp(caseId: string, person: Record<string, unknown>) {
    const legal = t.organisationIds.legal ?? '';
    const [user] = await t.database.db
      .insert(users)
      .values({ email: 'canary.legal@example.org', displayName: 'Cato Legal', totpEnabledAt: new Date() })
      .returning({ id: users.id });
    await t.database.db
      .insert(memberships)
      .values({ userId: user?.id ?? '', organisationId: legal, role: 'case_worker' });
    const legalWorker = await t.openSessionAs('canary.legal@example.org');
    const twin = await send(legalWorker, 'POST', '/api/v1/cases', { organisationId: legal, person }, false);
    expect(twin.statusCode, twin.body).toBe(201);
    const duplicates = await send(worker, 'GET', `/api/v1/cases/${caseId}/duplicates`);
    expect(duplicates.json().data).toHaveLength(1);
    duplicatesAnswer = duplicates.body;
    const pdf = Buffer.from(`%PDF-1.7\n(${CANARIES.name} ${CANARIES.passport})\n%%EOF\n`);
    const file = await send(
      worker,
      'POST',
      `/api/v1/cases/${caseId}/files`,
      {
        kind: 'identity_document',
        fileName: `${CANARIES.name} passport.pdf`,
        content: pdf.toString('base64'),
      },
      false,
    );
    expect(file.statusCode, file.body).toBe(201);
    await send(worker, 'GET', `/api/v1/cases/${caseId}/files`, undefined, false);
    await send(worker, 'GET', `/api/v1/cases/${caseId}/files/${file.json().data.id}`, undefined, false);
    const refused = [
      await send(worker, 'POST', `/api/v1/cases/${caseId}/services`, {
        category: 'shelter',
        deliveredOn: '2026-03-01',
        notes: `Accommodation for ${CANARIES.name}`,
      }),
      await send(worker, 'PUT', `/api/v1/cases/${caseId}/plan`, {
        version: 0,
        goals: [{ title: `Renew passport ${CANARIES.passport}`, actions: [] }],
      }),
      await send(worker, 'POST', `/api/v1/cases/${caseId}/closure`, {
        version: 99,
        reason: 'lost_contact',
        note: `Phone ${CANARIES.phone} no longer answers`,
      }),
    ];
    for (const reply of refused) expect(reply.statusCode).toBe(400);
    const service = await send(worker, 'POST', `/api/v1/cases/${caseId}/services`, {
      category: 'shelter',
      deliveredOn: '2026-03-01',
      notes: 'Emergency accommodation',
    });
    expect(service.statusCode).toBe(201);
  }

  const leaks = (text: string) =>
    [...Object.values(CANARIES), ...Object.values(NORMALISED)].filter((canary) => text.includes(canary));

  it('answers a duplicate check with the organisation to contact, nothing about the person', () => {
    expect(duplicatesAnswer).toContain('matchedOn');
    expect(leaks(duplicatesAnswer)).toEqual([]);
  });

  it('keeps every canary out of log lines, answers and URLs', () => {
    const logText = logs.join('');
    expect(logText.length).toBeGreaterThan(1000);
    expect(leaks(logText)).toEqual([]);
    expect(bodies.length).toBeGreaterThan(8);
    for (const body of bodies) expect(leaks(body)).toEqual([]);
    for (const url of urls) expect(leaks(decodeURIComponent(url))).toEqual([]);
  });

  it('keeps every canary out of the HTCDS export, its spreadsheet and the de-identified microdata', async () => {
    const htcds = await t.as(manager, 'GET', '/api/v1/cases/export/htcds');
    expect(htcds.body).toContain(plantedCode);
    expect(leaks(htcds.body)).toEqual([]);
    const microdata = await t.as(manager, 'GET', '/api/v1/cases/export/microdata.csv');
    expect(microdata.body.trim().split('\n').length).toBeGreaterThan(1);
    expect(leaks(microdata.body)).toEqual([]);
    const xlsx = await t.as(manager, 'GET', '/api/v1/cases/export/htcds?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.getWorksheet('HTCDS')?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    expect(cells).toContain(plantedCode);
    expect(leaks(cells.join('\n'))).toEqual([]);
  });

  it('keeps every canary out of the audit trail', async () => {
    const [row] = await rowsOf<{ text: string }>(
      t.database.db,
      sql`select string_agg(to_jsonb(a)::text, E'\n') as text from audit_entries a`,
    );
    expect(row?.text).toContain('persons.read');
    expect(leaks(row?.text ?? '')).toEqual([]);
  });

  it('keeps every canary out of the database’s plain text', async () => {
    const text = engine.name === 'pglite' ? await dataDirectoryText() : await serverDumpText();
    expect(text).toContain(CONTROL);
    expect(leaks(text)).toEqual([]);
  });

  async function serverDumpText(): Promise<string> {
    const { stdout } = await run('pg_dump', ['--no-owner', database.location], {
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  }

  /** Every byte of every file of the data directory, once the database is closed and its pages written. */
  async function dataDirectoryText(): Promise<string> {
    await t.app.close();
    await database.close();
    const parts: string[] = [];
    const walk = async (directory: string) => {
      for (const entry of await readdir(directory)) {
        const file = path.join(directory, entry);
        if ((await stat(file)).isDirectory()) await walk(file);
        else parts.push((await readFile(file)).toString('latin1'));
      }
    };
    await walk(dataDir ?? '');
    // latin1 keeps bytes one to one; the canaries are ASCII, so a match means the bytes are there.
    return parts.join('\n');
  }
});
