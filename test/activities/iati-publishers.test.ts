// IATI files as publishers write them, through the API on both databases: the official 2.03 example and a mixed file.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ImportReport } from '../../src/activities/schemas.js';
import type { Organisation } from '../../src/partners/schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { OFFICIAL_EXAMPLE_PATH, publisherFile } from './iati-files.js';

const EXAMPLE_ID = 'AA-AAA-123456789-ABC123';

describe.each(TEST_ENGINES)('IATI files as publishers write them, through the API on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;
  let example: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    editor = await t.signInAs(demoEmail('editor'));
    example = await readFile(OFFICIAL_EXAMPLE_PATH, 'utf8');
  });
  afterAll(() => t?.close());

  const importXml = async (session: Session, body: string, query: string) => {
    const reply = await t.as(session, 'POST', `/api/v1/activities/import?format=iati&${query}`, body, {
      'content-type': 'application/xml',
    });
    return { status: reply.statusCode, body: reply.json() };
  };

  it('refuses the official example without registration, naming the reporting organisation and the option', async () => {
    const { status, body } = await importXml(coordinator, example, 'dryRun=true');
    expect(status).toBe(200);
    const report = body.data as ImportReport;
    expect(report.problems).toEqual([
      expect.objectContaining({ column: 'reporting-org', identifier: EXAMPLE_ID }),
    ]);
    expect(report.problems[0]?.message).toMatch(
      /"Organisation name" \(AA-AAA-123456789\).*registerOrganisations=true/,
    );
  });

  it('lets only those who may register organisations ask for it', async () => {
    const { status, body } = await importXml(editor, example, 'registerOrganisations=true');
    expect(status).toBe(403);
    expect(body.code).toBe('forbidden');
  });

  it('imports the official example as one unclassified activity with no problem, and again creates nothing', async () => {
    const first = (await importXml(coordinator, example, 'registerOrganisations=true')).body
      .data as ImportReport;
    expect(first).toMatchObject({ committed: true, rows: 1, created: 1, problemCount: 0, unclassified: 1 });
    expect(first.outcomes).toEqual([
      { row: 1, identifier: EXAMPLE_ID, outcome: 'created', needsClassification: true, reason: null },
    ]);
    expect(
      first.organisationsRegistered.map((o) => [
        o.name,
        o.iatiIdentifier,
        o.iatiOrganisationType,
        o.actorType,
      ]),
    ).toEqual([
      ['Organisation name', 'AA-AAA-123456789', '40', 'international_org'],
      ['Name of Agency B', 'BB-BBB-123456789', '40', 'international_org'],
      ['Name of Agency C', 'CC-CCC-123456789', '10', 'government'],
    ]);
    const again = (await importXml(coordinator, example, 'registerOrganisations=true')).body
      .data as ImportReport;
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 1, problemCount: 0 });
    expect(again.organisationsRegistered).toEqual([]);
    const provisional = (await t.as(coordinator, 'GET', '/api/v1/organisations?provisional=true')).json()
      .data as Organisation[];
    expect(provisional.map((o) => o.iatiIdentifier).sort()).toEqual([
      'AA-AAA-123456789',
      'BB-BBB-123456789',
      'CC-CCC-123456789',
    ]);
    expect(provisional.find((o) => o.iatiIdentifier === 'AA-AAA-123456789')).toMatchObject({
      name: 'Organisation name',
      names: { fr: "Nom de l'organisme" },
      isProvisional: true,
      registeredVia: 'import iati',
    });
  });

  it('keeps every narrative with its language, the recipient regions and the countries’ shares', async () => {
    const listed = (await t.as(coordinator, 'GET', '/api/v1/activities?needsClassification=true')).json()
      .data as Activity[];
    const activity = listed.find((a) => a.identifier === EXAMPLE_ID) as Activity;
    expect(activity).toMatchObject({
      title: 'Activity title',
      pillar: null,
      activityType: null,
      needsClassification: true,
    });
    expect(activity.narratives.title).toEqual([
      { lang: 'en', text: 'Activity title' },
      { lang: 'fr', text: "Titre de l'activité" },
      { lang: 'es', text: 'Título de la actividad' },
    ]);
    expect(activity.narratives.description?.map((d) => `${d.type}:${d.lang}`)).toEqual([
      '1:en',
      '1:fr',
      '2:en',
      '2:fr',
      '3:en',
      '3:fr',
    ]);
    expect(activity.countries).toEqual([
      { iso3: 'AFG', role: 'destination', places: ['Location name'], percentage: 25 },
      { iso3: 'ATG', role: 'destination', places: [], percentage: 25 },
    ]);
    expect(activity.recipientRegions).toEqual([
      { code: '489', vocabulary: '1', vocabularyUri: null, percentage: 25 },
      { code: 'A1', vocabulary: '99', vocabularyUri: 'http://example.com/vocab.html', percentage: 25 },
    ]);
    expect(activity.participants.map((p) => [p.name, p.role, p.ref, p.organisationId !== null])).toEqual([
      ['Name of Agency B', 'funding', 'BB-BBB-123456789', true],
      ['Name of Agency C', 'accountable', 'CC-CCC-123456789', true],
      ['Organisation name', 'extending', 'AA-AAA-123456789', true],
    ]);
    expect(activity).toMatchObject({
      status: 'implementation',
      plannedStart: '2012-04-15',
      actualStart: '2012-04-28',
      plannedEnd: '2015-12-31',
      budget: { amount: 3000, currency: 'EUR' },
    });
    const classified = (await t.as(coordinator, 'GET', '/api/v1/activities?needsClassification=false')).json()
      .data as Activity[];
    expect(classified.map((a) => a.identifier)).not.toContain(EXAMPLE_ID);
  });

  it('leaves an unclassified activity out of coverage until someone classifies it', async () => {
    const cells = async () =>
      (await t.as(coordinator, 'GET', '/api/v1/coverage/matrix?country=AFG')).json().data.cells
        .count as unknown[];
    const unclassified = async () =>
      (await t.as(coordinator, 'GET', '/api/v1/coverage?country=AFG')).json().data.unclassifiedActivities;
    expect(await cells()).toBe(0);
    // Counted apart: the report says how many wait, so a gap is not mistaken for absence of work.
    expect(await unclassified()).toBe(1);
    const [activity] = (await t.as(coordinator, 'GET', '/api/v1/activities?needsClassification=true')).json()
      .data as Activity[];
    const patched = await t.as(coordinator, 'PATCH', `/api/v1/activities/${activity?.id}`, {
      activityType: 'shelter',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().data).toMatchObject({
      pillar: 'protection',
      needsClassification: false,
      classificationHints: [],
    });
    expect(await cells()).toBeGreaterThan(0);
    expect(await unclassified()).toBe(0);
  });

  it('lets a coordinator confirm a provisional organisation, and no one else', async () => {
    const [org] = (await t.as(coordinator, 'GET', '/api/v1/organisations?provisional=true')).json()
      .data as Organisation[];
    const byEditor = await t.as(editor, 'PATCH', `/api/v1/organisations/${org?.id}`, {
      isProvisional: false,
    });
    expect(byEditor.statusCode).toBe(403);
    const confirmed = await t.as(coordinator, 'PATCH', `/api/v1/organisations/${org?.id}`, {
      isProvisional: false,
    });
    expect(confirmed.json().data).toMatchObject({ isProvisional: false });
    const left = (await t.as(coordinator, 'GET', '/api/v1/organisations?provisional=true')).json().data;
    expect(left).toHaveLength(2);
  });

  it('refuses hostile XML with a problem naming the limit, and writes nothing of the file', async () => {
    const valid = publisherFile({ trafficking: 1, unrelated: 0, regionOnly: 0 }).replace(
      'XM-PUB-TIP-01',
      'XM-HOSTILE-1',
    );
    const deep = valid.replace(
      '</iati-activities>',
      `<iati-activity>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</iati-activity></iati-activities>`,
    );
    const refused = await importXml(coordinator, deep, 'registerOrganisations=true');
    // The upload's reader refuses it before the IATI parser sees it, naming the declared limit.
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'upload_limit_exceeded', errors: [{ code: 'xmlDepth' }] });
    expect(refused.body.detail).toContain('at most 64 levels');
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY l "${'l'.repeat(100)}">]><iati-activities/>`;
    const doctype = await importXml(coordinator, laughs, '');
    expect(doctype.status).toBe(422);
    expect(doctype.body).toMatchObject({
      code: 'xml_not_accepted',
      errors: [{ path: 'file', code: 'doctype' }],
    });
    const found = (await t.as(coordinator, 'GET', '/api/v1/activities?q=XM-HOSTILE')).json().data;
    expect(found).toEqual([]);
  });

  it('imports a publisher’s file of many unrelated activities with an outcome for each', async () => {
    const file = publisherFile({ trafficking: 12, unrelated: 60, regionOnly: 8 });
    const skipping = (await importXml(coordinator, file, 'registerOrganisations=true&onlyTrafficking=true'))
      .body.data as ImportReport;
    expect(skipping).toMatchObject({ committed: true, rows: 80, created: 12, skipped: 68, problemCount: 0 });
    expect(skipping.outcomes.filter((o) => o.outcome === 'skipped')).toHaveLength(68);
    expect(skipping.outcomes.find((o) => o.outcome === 'skipped')?.reason).toMatch(/speaks of trafficking/);
    const byIdentifier = new Map(skipping.outcomes.map((o) => [o.identifier, o]));
    expect(byIdentifier.get('XM-PUB-TIP-01')).toMatchObject({
      outcome: 'created',
      needsClassification: false,
    });
    expect(byIdentifier.get('XM-PUB-TIP-03')).toMatchObject({
      outcome: 'created',
      needsClassification: true,
    });
    const shelter = (await t.as(coordinator, 'GET', '/api/v1/activities?q=XM-PUB-TIP-02')).json()
      .data[0] as Activity;
    expect(shelter).toMatchObject({ activityType: 'shelter', targetGroups: ['women', 'girls'] });
    const everything = publisherFile({ trafficking: 12, unrelated: 60, regionOnly: 0 });
    const all = (await importXml(coordinator, everything, 'registerOrganisations=true')).body
      .data as ImportReport;
    expect(all).toMatchObject({
      committed: true,
      rows: 72,
      created: 60,
      unchanged: 12,
      skipped: 0,
      problemCount: 0,
    });
    expect(all.unclassified).toBe(60 + 4);
    expect(all.organisationsRegistered).toHaveLength(3);
  });
});
