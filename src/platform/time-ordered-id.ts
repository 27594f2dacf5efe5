// Time-ordered UUIDs (RFC 9562 version 7) for rows written in bulk: each new key lands at the right edge of
// its B-tree index instead of on a random page, which keeps index upkeep of a large import cheap.
import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const POOL_IDS = 1024;
/** Bytes per id: one to start the counter, seven (less the variant's two bits) for rand_b. */
const BYTES = 9;
/** Random bytes for many ids at once: one call into the system's generator per 1,024 ids. */
const pool = Buffer.alloc(POOL_IDS * BYTES);
let poolAt = pool.length;
let lastMs = -1;
/** RFC 9562 method 1: a 12-bit counter in rand_a, started at a random value each millisecond. */
let counter = 0;

/**
 * A version 7 UUID: 48 bits of Unix time in milliseconds, then a counter that keeps ids of the same
 * millisecond in order (on overflow the time is advanced by one), then 62 random bits.
 */
export function timeOrderedId(now = Date.now()): string {
  if (poolAt + BYTES > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  let ms = now;
  if (ms > lastMs) {
    lastMs = ms;
    // Below 0x100, so that thousands of ids in one millisecond still count up without overflow.
    counter = pool[poolAt] ?? 0;
  } else {
    ms = lastMs;
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      ms = lastMs;
      counter = 0;
    }
  }
  const high = Math.floor(ms / 0x10000);
  const low = ms % 0x10000;
  const b = (i: number) => HEX[pool[poolAt + i] ?? 0] as string;
  const id =
    hex4(high >>> 16) +
    hex4(high & 0xffff) +
    '-' +
    hex4(low) +
    '-' +
    hex4(0x7000 | counter) +
    '-' +
    HEX[0x80 | ((pool[poolAt + 1] ?? 0) & 0x3f)] +
    b(2) +
    '-' +
    b(3) +
    b(4) +
    b(5) +
    b(6) +
    b(7) +
    b(8);
  poolAt += BYTES;
  return id;
}

function hex4(value: number): string {
  return (HEX[value >>> 8] as string) + (HEX[value & 0xff] as string);
}
