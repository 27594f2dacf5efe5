// A new activity's first snapshot as the server parses it: keys already in the order jsonb keeps them.
import { describe, expect, it } from 'vitest';
import { contentTexts, firstSnapshot } from './batch-encoding.js';
import { valuesOf } from './record.js';
import { ActivityInput } from './schemas.js';

/** jsonb's order of an object's keys: shorter keys first, then by their bytes. */
function inJsonbOrder(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => a.length - b.length || Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

describe('firstSnapshot', () => {
  it('writes the keys of the snapshot, its budget and its provenance in the order jsonb stores them', () => {
    const input = ActivityInput.parse({
      title: 'Shelter',
      leadOrganisationId: '0190a0a0-0000-7000-8000-000000000001',
      activityType: 'shelter',
      countries: [{ iso3: 'KEN', role: 'destination', places: [] }],
      status: 'implementation',
      budget: { amount: 10, currency: 'USD', funder: 'Fund' },
      provenance: { source: 'Report', reportedBy: 'Someone', reportedOn: '2026-01-01' },
    });
    const values = valuesOf({ ...input, identifier: 'K-1' }, new Map());
    const json = firstSnapshot('0190a0a0-0000-7000-8000-000000000002', values, contentTexts(values), 'x');
    const snapshot = JSON.parse(json);
    expect(Object.keys(snapshot)).toEqual(inJsonbOrder(Object.keys(snapshot)));
    expect(Object.keys(snapshot.budget)).toEqual(inJsonbOrder(Object.keys(snapshot.budget)));
    expect(Object.keys(snapshot.provenance)).toEqual(inJsonbOrder(Object.keys(snapshot.provenance)));
  });
});
