import { createCipheriv } from "node:crypto";

const CHUNK_BYTES = 64 * 1024;
const TWO_POW_26 = 2 ** 26;
const TWO_POW_53 = 2 ** 53;

/**
 * Uniform [0, 1) doubles from AES-256-CTR keyed by the 32-byte `key`, one stream per `step` (the
 * step is the high 64 bits of the counter block, so streams never overlap): a CSPRNG that anyone
 * without the key cannot predict, and that replays exactly for the same (key, step), which a
 * resumed run needs. Each double takes 53 bits of keystream (the top 27 and 26 bits of two words).
 * @throws Error when the key is not 32 bytes or the step not a non-negative safe integer.
 * @example keyedUniforms(new Uint8Array(32), 0)() // the same value on every call with these arguments
 */
export function keyedUniforms(key: Uint8Array, step: number): () => number {
  if (key.length !== 32) throw new Error(`keyedUniforms: the key must be 32 bytes, got ${key.length}`);
  if (!(Number.isSafeInteger(step) && step >= 0)) throw new Error(`keyedUniforms: step must be a non-negative integer, got ${step}`);
  const counter = Buffer.alloc(16);
  counter.writeBigUInt64BE(BigInt(step), 0);
  const cipher = createCipheriv("aes-256-ctr", key, counter);
  const zeros = new Uint8Array(CHUNK_BYTES);
  let words = new Uint32Array(0);
  let next = 0;
  return () => {
    if (next >= words.length) {
      // A copy: the cipher's output buffer may sit at an offset a Uint32Array cannot view.
      words = new Uint32Array(new Uint8Array(cipher.update(zeros)).buffer);
      next = 0;
    }
    const high = words[next]! >>> 5;
    const low = words[next + 1]! >>> 6;
    next += 2;
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  };
}
