// A small seeded pseudo-random generator (xoshiro128**, Blackman and Vigna 2018), seeded from the SHA-256
// of a seed string: a release made again from the same input and seed is the same, bit for bit, on any
// machine. Not for secrets: the privacy of the noisy mode comes from its own sampler, not from this.
import { createHash } from 'node:crypto';

export class Prng {
  private readonly state: Uint32Array;

  constructor(seed: string) {
    const digest = createHash('sha256').update(seed, 'utf8').digest();
    this.state = new Uint32Array(4);
    for (let i = 0; i < 4; i++) this.state[i] = digest.readUInt32LE(i * 4);
    // The all-zero state would repeat zeros forever; SHA-256 makes it practically impossible, but be sure.
    if (this.state.every((word) => word === 0)) this.state[0] = 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const s = this.state;
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s[2] = (s[2] as number) ^ s0;
    s[3] = (s[3] as number) ^ s1;
    s[1] = s1 ^ (s[2] as number);
    s[0] = s0 ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    s[3] = rotl(s[3] as number, 11);
    return result;
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  next(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** An index drawn with probability proportional to its (non-negative) weight. */
  pickWeighted(weights: ArrayLike<number>, length = weights.length): number {
    let total = 0;
    for (let i = 0; i < length; i++) total += weights[i] as number;
    return this.pickWeightedFromTotal(weights, length, total);
  }

  /** As `pickWeighted`, when the caller already added the weights up (in index order, for the same sum). */
  pickWeightedFromTotal(weights: ArrayLike<number>, length: number, total: number): number {
    let target = this.next() * total;
    for (let i = 0; i < length; i++) {
      target -= weights[i] as number;
      if (target < 0) return i;
    }
    // Rounding can leave a sliver past the last weight: it belongs to the last index that has weight.
    for (let i = length - 1; i > 0; i--) if ((weights[i] as number) > 0) return i;
    return 0;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
