// `concerted assistance needs|offers|suggest` run in-process on a database holding an invented need and
// offers: the lists for people and for scripts, the suggestions best first with why, and a bad id refused.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { organisations } from '../partners/schema.js';
import { insertNeed, insertOffer } from '../plans/assistance-store.js';
import { assistanceCommand } from './assistance-command.js';

async function run(database: TestDatabase, args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    await assistanceCommand(async () => ({ ...database, close: async () => {} })).parseAsync(args, {
      from: 'user',
    });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

describe.each(TEST_ENGINES)('concerted assistance on $name', (engine) => {
  let database: TestDatabase;
  let needId: string;

  beforeAll(async () => {
    database = await engine.open();
    const [ministry, partner] = await database.db
      .insert(organisations)
      .values([
        { name: 'Ministry of Justice of Testland (invented)', actorType: 'government' },
        { name: 'Training Partner (invented)', actorType: 'ngo' },
      ])
      .returning({ id: organisations.id });
    if (!ministry || !partner) throw new Error('organisations not inserted');
    needId = await insertNeed(database.db, {
      organisationId: ministry.id,
      countryIso3: 'KEN',
      pillar: 'prosecution',
      kind: 'training',
      title: 'Train prosecutors on the new law',
      languages: ['en', 'fr'],
      wantedBy: '2026-09-30',
    });
    const offer = { organisationId: partner.id, pillars: ['prosecution'], availableFrom: '2026-01-01' };
    await insertOffer(database.db, {
      ...offer,
      title: 'Courses in Kenya',
      kinds: ['training'],
      countries: ['KEN'],
      languages: ['en'],
    });
    await insertOffer(database.db, {
      ...offer,
      title: 'Drafting advice',
      kinds: ['legislation'],
      languages: ['fr'],
    });
    await insertOffer(database.db, {
      ...offer,
      title: 'Survey design',
      pillars: ['prevention'],
      kinds: ['research'],
    });
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(() => database?.dispose());

  it('lists the needs with their organisation’s name, and the country and pillar by name', async () => {
    const { stdout } = await run(database, ['needs']);
    expect(stdout).toMatch(/Train prosecutors on the new law\s+Ministry of Justice of Testland \(invented\)/);
    expect(stdout).toMatch(/open\s+Kenya\s+Prosecution\s+training\s+Train prosecutors/);
    expect(stdout).not.toMatch(/\bKEN\b|prosecution/);
    expect(stdout).toContain(needId);
  });

  it('lists the offers with countries, pillars and languages by name', async () => {
    const { stdout } = await run(database, ['offers']);
    expect(stdout).toMatch(
      /Courses in Kenya\s+Training Partner \(invented\)\s+Prosecution\s+training\s+Kenya\s+English/,
    );
    expect(stdout).toMatch(/Survey design\s+.*Prevention\s+research\s+any/);
  });

  it('lists the offers as JSON for scripts, filtered by status', async () => {
    const open = JSON.parse((await run(database, ['offers', '--status', 'open', '--json'])).stdout);
    expect(open.map((offer: { title: string }) => offer.title).sort()).toEqual([
      'Courses in Kenya',
      'Drafting advice',
      'Survey design',
    ]);
    const withdrawn = JSON.parse((await run(database, ['offers', '--status', 'withdrawn', '--json'])).stdout);
    expect(withdrawn).toEqual([]);
  });

  it('suggests the offers for a need best first, saying why', async () => {
    const { stdout } = await run(database, ['suggest', needId, '--today', '2026-05-01']);
    const lines = stdout.split('\n');
    const kenya = lines.findIndex((line) => line.includes('Courses in Kenya'));
    const drafting = lines.findIndex((line) => line.includes('Drafting advice'));
    expect(kenya).toBeGreaterThan(0);
    expect(drafting).toBeGreaterThan(kenya);
    expect(lines[kenya]).toMatch(/^38\s/);
    expect(lines[kenya]).toContain('serves the country +6');
    expect(stdout).toMatch(/^Train prosecutors on the new law \(Kenya, Prosecution, training\) — open$/m);
    expect(lines[kenya]).toContain('speaks English +4');
    expect(stdout).not.toContain('Survey design');
  });

  it('gives the scores and reasons as JSON', async () => {
    const json = JSON.parse(
      (await run(database, ['suggest', needId, '--today', '2026-05-01', '--json'])).stdout,
    );
    expect(
      json.suggestions.map((s: { score: number; offer: { title: string } }) => [s.offer.title, s.score]),
    ).toEqual([
      ['Courses in Kenya', 10 + 10 + 6 + 4 + 8],
      ['Drafting advice', 10 + 2 + 4 + 8],
    ]);
  });

  it('refuses what is not a need id, and says when there is no such need', async () => {
    const bad = await run(database, ['suggest', 'need-1']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/not a need id/);
    const missing = await run(database, ['suggest', '00000000-0000-4000-8000-000000000000']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/no such need/);
  });
});
