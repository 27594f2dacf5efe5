import { describe, expect, it } from 'vitest';
import type { SourceKind } from './engine/automatic-actuals.js';
import { IndicatorRefresher } from './indicator-refresher.js';

function recorder(fail = false) {
  const runs: SourceKind[][] = [];
  const errors: unknown[] = [];
  let release: () => void = () => {};
  const refresher = new IndicatorRefresher(
    async (kinds) => {
      runs.push([...kinds]);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      if (fail) throw new Error('database gone');
    },
    { error: (details: unknown) => void errors.push(details) },
  );
  return { refresher, runs, errors, release: () => release() };
}

describe('IndicatorRefresher', () => {
  it('folds the changes that arrive during a run into one more run', async () => {
    const { refresher, runs, release } = recorder();
    refresher.request('activities');
    refresher.request('statistics');
    refresher.request('activities');
    release();
    await refresher.settled();
    expect(runs).toEqual([['activities'], ['statistics', 'activities']]);
  });

  it('says what failed and keeps serving later changes', async () => {
    const { refresher, runs, errors, release } = recorder(true);
    refresher.request('statistics');
    release();
    await refresher.settled();
    refresher.request('activities');
    await refresher.settled();
    expect(runs).toEqual([['statistics'], ['activities']]);
    expect(errors).toHaveLength(2);
  });
});
