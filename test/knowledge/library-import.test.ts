// `concerted knowledge import DIR` and `concerted knowledge search` in-process on both engines: good files
// go in with their attachments (searchable) and translations; each bad file is rejected whole, reported
// with where, what and how to fix, and leaves nothing behind; search prints names, not codes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { knowledgeCommand } from '../../src/cli/knowledge-command.js';
import { wordDocument } from '../../src/knowledge/attachments/testing/documents.js';
import type { LibraryImportReport } from '../../src/knowledge/import/import-library.js';
import { rowsOf } from '../../src/platform/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const SHELTER = 'Safe Harbour Shelter Network (demo)';

const GOOD = {
  type: 'good_practice',
  language: 'en',
  title: 'Mobile clinics reaching Pellomar brick kilns (invented)',
  summary: 'Health workers visited kilns where families worked off debts.',
  organisation: SHELTER,
  status: 'published',
  countries: ['NPL'],
  forms: ['forced_labour'],
  attachments: ['pellomar-annex.docx'],
};

async function run(t: TestApp, args: string[]) {
  const stdout: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = undefined;
  try {
    await knowledgeCommand(async () => ({ ...t.database, close: async () => {} })).parseAsync(args, {
      from: 'user',
    });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  return { stdout: stdout.join(''), exitCode };
}

describe.each(TEST_ENGINES)('concerted knowledge on $name', (engine) => {
  let t: TestApp;
  let directory: string;
  let report: LibraryImportReport;

  beforeAll(async () => {
    t = await startTestApp(engine);
    directory = await mkdtemp(path.join(tmpdir(), 'concerted-library-'));
    const write = (name: string, value: unknown) =>
      writeFile(
        path.join(directory, name),
        typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value, null, 2),
      );
    await write(
      'pellomar-annex.docx',
      Buffer.from(await wordDocument({ body: ['Annex: kiln owners at Pellomar advanced wages as loans.'] })),
    );
    await write('01-pellomar.json', GOOD);
    await write('02-pellomar-fr.json', {
      ...GOOD,
      language: 'fr',
      title: 'Cliniques mobiles dans les briqueteries de Pellomar (inventé)',
      attachments: [],
      translationOf: '01-pellomar.json',
    });
    await write('03-broken.json', '{ "type": "research",\n  "title": "Missing comma" "language": "en" }');
    await write('04-unknown-organisation.json', {
      ...GOOD,
      title: 'Orphan item',
      organisation: 'Nobody (invented)',
    });
    await write('05-named-victim.json', {
      ...GOOD,
      type: 'case_law',
      title: 'A case naming a person (invented)',
      attachments: [],
      caseLaw: {
        court: 'A court (invented)',
        decisionDate: '2024-02-02',
        jurisdiction: 'NPL',
        outcome: 'conviction',
        victims: [{ sex: 'female', ageGroup: 'adults', count: 1, fullName: 'Invented Person' }],
      },
    });
    await write('06-missing-annex.json', {
      ...GOOD,
      title: 'Quollbridge item with a missing annex',
      attachments: ['nowhere.pdf'],
    });
    await write('07-translation-of-rejected.json', {
      ...GOOD,
      language: 'es',
      title: 'Traducción de un archivo rechazado',
      attachments: [],
      translationOf: '06-missing-annex.json',
    });
    const result = await run(t, ['import', directory, '--json']);
    report = JSON.parse(result.stdout) as LibraryImportReport;
    expect(result.exitCode).toBe(1);
  });
  afterAll(async () => {
    await t?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('imports the good files, a translation joining its original', async () => {
    expect(report.files).toBe(7);
    expect(report.imported.map((file) => file.file)).toEqual(['01-pellomar.json', '02-pellomar-fr.json']);
    const groups = await rowsOf<{ groups: number; attachments: number }>(
      t.database.db,
      sql`select count(distinct translation_group)::int as groups,
        (select count(*)::int from knowledge_attachments a join knowledge_items i on i.id = a.item_id
          where i.title like '%Pellomar%') as attachments
        from knowledge_items where title like '%Pellomar%'`,
    );
    expect(groups).toEqual([{ groups: 1, attachments: 1 }]);
  });

  it('reports each rejected file with where, what and how to fix it', () => {
    const byFile = (file: string) => report.rejected.filter((problem) => problem.file === file);
    expect(byFile('03-broken.json')[0]?.where).toMatch(/^line 2, column \d+$/);
    expect(byFile('04-unknown-organisation.json')[0]).toMatchObject({ where: 'organisation' });
    expect(byFile('05-named-victim.json')[0]).toMatchObject({ where: 'caseLaw.victims.0' });
    expect(byFile('05-named-victim.json')[0]?.fix).toContain('fullName');
    expect(byFile('06-missing-annex.json')[0]).toMatchObject({ where: 'attachments.0' });
    expect(byFile('07-translation-of-rejected.json')[0]).toMatchObject({ where: 'translationOf' });
    for (const problem of report.rejected) expect(problem.fix.length).toBeGreaterThan(10);
  });

  it('leaves nothing of a rejected file behind', async () => {
    const rows = await rowsOf<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from knowledge_items
        where title in ('Orphan item', 'Quollbridge item with a missing annex', 'Traducción de un archivo rechazado')`,
    );
    expect(rows[0]?.count).toBe(0);
  });

  it('searches the attachment text, printing kinds, languages and countries by name', async () => {
    const text = await run(t, ['search', 'kiln loans', '--lang', 'fr']);
    expect(text.exitCode).toBeUndefined();
    expect(text.stdout).toContain('1. Mobile clinics reaching Pellomar brick kilns (invented)');
    expect(text.stdout).toContain('Bonne pratique · anglais · Népal');
    expect(text.stdout).toContain('français: Cliniques mobiles dans les briqueteries de Pellomar');
    expect(text.stdout).toContain('*loans*');
    const json = await run(t, ['search', 'kiln loans', '--type', 'good_practice', '--json']);
    const result = JSON.parse(json.stdout);
    expect(result.total).toBe(1);
    expect(result.data[0].translations[0].language).toBe('fr');
  });
});
