// Seeded pseudo-random numbers for property tests (mulberry32): the same seed gives the same cases.
// Not for noise: releases draw noise from the exact samplers only.
export type TestRandom = { next(): number; integer(below: number): number; skewed(below: number): number };

export function seededRandom(seed: number): TestRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    integer: (below) => Math.floor(next() * below),
    // Cubing makes small values common: most draws land near 0, a few far out.
    skewed: (below) => Math.floor(next() ** 3 * below),
  };
}
