// A seeded cryptographic random source: the keystream of AES-256-CTR under a key hashed from the seed.
// The same seed gives the same bits on every run, so a release can be reproduced bit for bit; a fresh
// seed comes from the operating system and is kept, so that the release can record it.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

const BLOCK_BYTES = 64 * 1024;
const TWO_32 = 2 ** 32;
/** The largest bound uniformBelow accepts: every integer below it is exact in a double. */
export const MAX_UNIFORM_BOUND = 2 ** 53;

/** How many bits it takes to write every integer below n (n ≥ 1): bitLength(n − 1). */
function bitsToCover(n: number): number {
  if (n <= 1) return 0;
  if (n <= TWO_32) return 32 - Math.clz32(n - 1);
  return 32 + 32 - Math.clz32(Math.floor((n - 1) / TWO_32));
}

export class RandomBits {
  /** The seed as given (or drawn): record it to reproduce the stream. */
  readonly seed: string | Uint8Array;
  private readonly cipher;
  private readonly zeros = new Uint8Array(BLOCK_BYTES);
  // Words are read in the platform's byte order, which is little-endian on every platform Node supports.
  private readonly words = new Uint32Array(BLOCK_BYTES / 4);
  private readonly wordBytes = new Uint8Array(this.words.buffer);
  private position = BLOCK_BYTES / 4;

  constructor(seed?: string | Uint8Array) {
    this.seed = seed === undefined ? randomBytes(32).toString('hex') : seed;
    const seedBytes = typeof this.seed === 'string' ? Buffer.from(this.seed, 'utf8') : this.seed;
    const key = createHash('sha256').update(seedBytes).digest();
    // A fixed zero counter block is safe here: each key comes from its own seed and encrypts one stream.
    this.cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  }

  /** A uniform integer in [0, 2^32). */
  uint32(): number {
    if (this.position === this.words.length) this.refill();
    return this.words[this.position++] as number;
  }

  /** A uniform integer in [0, 2^n), for n from 0 to 53. */
  bits(n: number): number {
    if (n <= 0) return 0;
    if (n <= 32) return this.uint32() >>> (32 - n);
    if (n > 53) throw new RangeError(`bits(n) gives at most 53 bits; ${n} were asked for`);
    const high = this.uint32() >>> (64 - n);
    return high * TWO_32 + this.uint32();
  }

  /** A uniform integer in [0, n), by rejection (no modulo bias); n an integer from 1 to 2^53. */
  uniformBelow(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > MAX_UNIFORM_BOUND) {
      throw new RangeError(`uniformBelow needs an integer bound from 1 to 2^53, not ${n}`);
    }
    const width = bitsToCover(n);
    if (width <= 32) {
      const shift = 32 - width;
      for (;;) {
        const candidate = width === 0 ? 0 : this.uint32() >>> shift;
        if (candidate < n) return candidate;
      }
    }
    for (;;) {
      const candidate = this.bits(width);
      if (candidate < n) return candidate;
    }
  }

  /** A uniform bigint in [0, n), by rejection; n ≥ 1 of any size. */
  uniformBelowBig(n: bigint): bigint {
    if (n < 1n) throw new RangeError(`uniformBelowBig needs a bound of at least 1, not ${n}`);
    if (n <= BigInt(MAX_UNIFORM_BOUND)) return BigInt(this.uniformBelow(Number(n)));
    const width = (n - 1n).toString(2).length;
    const words = Math.ceil(width / 32);
    const excess = BigInt(words * 32 - width);
    for (;;) {
      let candidate = 0n;
      for (let word = 0; word < words; word++) candidate = (candidate << 32n) | BigInt(this.uint32());
      candidate >>= excess;
      if (candidate < n) return candidate;
    }
  }

  private refill(): void {
    const block = this.cipher.update(this.zeros);
    this.wordBytes.set(block);
    this.position = 0;
  }
}
