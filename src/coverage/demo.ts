// Illustrative need statements for the demo countries, as a coordinator would record them.
import type { Queryable } from '../platform/db.js';
import { coverageNeeds } from './schema.js';

export const DEMO_NEEDS = [
  {
    iso3: 'KEN',
    pillar: 'protection',
    form: 'forced_labour',
    targetGroup: 'men',
    level: 'high' as const,
    peopleInNeed: 120,
    source: 'Coordination office estimate (demo)',
  },
  {
    iso3: 'TZA',
    pillar: 'protection',
    form: 'domestic_servitude',
    targetGroup: null,
    level: 'medium' as const,
    peopleInNeed: 2000,
    source: 'Coordination office estimate (demo)',
  },
  {
    iso3: 'UGA',
    pillar: 'prevention',
    form: 'forced_labour',
    targetGroup: 'children',
    level: 'medium' as const,
    peopleInNeed: null,
    source: 'Coordination office estimate (demo)',
  },
];

export async function loadDemoNeeds(tx: Queryable): Promise<number> {
  await tx
    .insert(coverageNeeds)
    .values(DEMO_NEEDS.map((need) => ({ ...need, fromYear: 2025, toYear: 2027, note: 'Illustrative' })));
  return DEMO_NEEDS.length;
}
