import { describe, expect, it } from 'vitest';
import { ProgressThrottle } from './progress-throttle.js';
import type { ImportJobProgress } from './schemas.js';

const at = (rowsRead: number): ImportJobProgress => ({ phase: 'reading', rowsRead, rowsWritten: null });

describe('progress throttle', () => {
  it('writes the first figure at once and then at most once per interval', async () => {
    let clock = 0;
    const written: number[] = [];
    const throttle = new ProgressThrottle(
      async (p) => {
        written.push(p.rowsRead);
      },
      () => clock,
      500,
    );
    for (let row = 1; row <= 1000; row++) {
      clock = row; // a row per millisecond: one second in all
      throttle.note(at(row));
      await Promise.resolve();
    }
    await throttle.stop();
    expect(written).toEqual([1, 501]);
  });

  it('writes the last figure noted once the interval has passed, with nothing more noted', async () => {
    const written: number[] = [];
    const throttle = new ProgressThrottle(
      async (p) => {
        written.push(p.rowsRead);
      },
      undefined,
      20,
    );
    throttle.note(at(1));
    throttle.note(at(2));
    await new Promise((resolve) => setTimeout(resolve, 60));
    await throttle.stop();
    expect(written).toEqual([1, 2]);
  });

  it('never starts a second write while one is under way', async () => {
    let clock = 0;
    let running = 0;
    let most = 0;
    let finish: () => void = () => {};
    const throttle = new ProgressThrottle(
      () => {
        running++;
        most = Math.max(most, running);
        return new Promise<void>((resolve) => {
          finish = () => {
            running--;
            resolve();
          };
        });
      },
      () => clock,
      10,
    );
    throttle.note(at(1));
    clock = 100;
    throttle.note(at(2));
    expect(most).toBe(1);
    finish();
    await throttle.stop();
    expect(most).toBe(1);
  });
});
