// Time-ordered ids: valid version 7 UUIDs, in the order they were made, with random bits after the time.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeOrderedId } from './time-ordered-id.js';

describe('time-ordered ids', () => {
  it('are version 7 UUIDs that the API accepts', () => {
    for (let i = 0; i < 2000; i++) {
      const id = timeOrderedId();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
  });

  it('sort in the order they were made, within one millisecond and across many', () => {
    const made = Array.from({ length: 10_000 }, (_, i) =>
      timeOrderedId(1_800_000_000_000 + Math.floor(i / 5000)),
    );
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('carry the time they were made in their first 48 bits, and never go back in time', () => {
    // Later than every id made above: the clock moved on.
    const at = Date.UTC(2035, 2, 1, 12);
    const timeOf = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(timeOf(timeOrderedId(at))).toBe(at);
    // A clock set back: the ids keep the time already reached, so they still sort after the earlier ones.
    const after = timeOrderedId(at - 60_000);
    expect(timeOf(after)).toBe(at);
    expect(timeOrderedId(at - 120_000) > after).toBe(true);
  });
});
