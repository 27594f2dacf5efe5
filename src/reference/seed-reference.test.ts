// Seeding reference data on a real (in-memory) PostgreSQL: complete, and the same however often it runs.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateDatabase, openDatabase } from '../platform/db.js';
import { codeLists, codes, countries, datasetLoads, m49Areas } from './schema.js';
import { REFERENCE_DATASET_NAME, seedReferenceData } from './seed-reference.js';
import { findCodeList, listCodeLists, listCountries, listM49Areas } from './store.js';

// PGlite starts slowly on a busy machine; the tests themselves are quick.
const SLOW_START_MS = 180_000;
const SLOW_TEST_MS = 60_000;

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openDatabase({ dataDir: undefined });
  await migrateDatabase(handle);
}, SLOW_START_MS);

afterAll(async () => {
  await handle?.close();
});

async function tableCounts() {
  const db = handle.db;
  const [[c], [a], [l], [k]] = await Promise.all([
    db.select({ n: count() }).from(countries),
    db.select({ n: count() }).from(m49Areas),
    db.select({ n: count() }).from(codeLists),
    db.select({ n: count() }).from(codes),
  ]);
  return { countries: c?.n, areas: a?.n, codeLists: l?.n, codes: k?.n };
}

describe('seedReferenceData', { timeout: SLOW_TEST_MS }, () => {
  it('loads every country, area, list and code, and reports what it loaded', async () => {
    const report = await handle.db.transaction((tx) => seedReferenceData(tx));
    expect(report.countries).toBeGreaterThanOrEqual(249);
    expect(report.areas).toBe(30);
    expect(report.codeLists).toBe(19);
    expect(await tableCounts()).toEqual(report);
  });

  it('is idempotent: seeding again changes no counts', async () => {
    const before = await tableCounts();
    const again = await handle.db.transaction((tx) => seedReferenceData(tx));
    expect(again).toEqual(before);
    expect(await tableCounts()).toEqual(before);
  });

  it('records the load as real reference data, not illustrative', async () => {
    const [load] = await handle.db
      .select()
      .from(datasetLoads)
      .where(eq(datasetLoads.name, REFERENCE_DATASET_NAME));
    expect(load).toMatchObject({ isIllustrative: false });
    expect(load?.version).toMatch(/^2026\.1\+iso-countries\.[\d.]+\+cldr\.\d+$/);
  });

  it('restores a changed label and marks a code that left the data as deprecated', async () => {
    await handle.db.update(codes).set({ labels: { ar: 'x', zh: 'x', en: 'x', fr: 'x', ru: 'x', es: 'x' } });
    await handle.db.insert(codes).values({
      listName: 'pillar',
      code: 'retired_code',
      sortOrder: 99,
      labels: { ar: 'x', zh: 'x', en: 'Retired', fr: 'x', ru: 'x', es: 'x' },
    });
    await handle.db.transaction((tx) => seedReferenceData(tx));
    const pillar = await findCodeList(handle.db, 'pillar');
    expect(pillar?.codes[0]).toMatchObject({ code: 'prevention', isDeprecated: false });
    expect(pillar?.codes[0]?.labels.en).toBe('Prevention');
    expect(pillar?.codes.at(-1)).toMatchObject({ code: 'retired_code', isDeprecated: true });
    await handle.db.delete(codes).where(eq(codes.code, 'retired_code'));
  });
});

describe('the reference store', { timeout: SLOW_TEST_MS }, () => {
  it('lists countries, optionally within an M49 area at any level', async () => {
    const all = await listCountries(handle.db);
    expect(all.length).toBeGreaterThanOrEqual(249);
    const easternAfrica = await listCountries(handle.db, { areaCode: '014' });
    expect(easternAfrica.map((c) => c.iso3)).toContain('KEN');
    expect(easternAfrica.every((c) => c.intermediateRegionCode === '014')).toBe(true);
    expect(await listCountries(handle.db, { areaCode: '001' })).toHaveLength(all.length);
  });

  it('lists areas from the world down', async () => {
    const areas = await listM49Areas(handle.db);
    expect(areas[0]).toMatchObject({ code: '001', level: 'world' });
    expect(areas.at(-1)?.level).toBe('intermediate');
  });

  it('counts the codes of each list and returns a list with codes in display order', async () => {
    const lists = await listCodeLists(handle.db);
    expect(lists.find((l) => l.name === 'activity_type')?.codeCount).toBe(31);
    const activityTypes = await findCodeList(handle.db, 'activity_type');
    expect(activityTypes?.codes[0]).toMatchObject({
      code: 'awareness_campaign',
      sortOrder: 1,
      parentList: 'pillar',
      parentCode: 'prevention',
    });
    expect(await findCodeList(handle.db, 'no_such_list')).toBeUndefined();
  });
});
