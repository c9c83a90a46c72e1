import { describe, expect, it } from "vitest";
import { keyedUniforms } from "./keyed-uniforms.ts";

const key = (fill: number) => new Uint8Array(32).fill(fill);
const draw = (random: () => number, count: number) => Array.from({ length: count }, random);

describe("keyedUniforms", () => {
  it("replays the same stream for the same (key, step), and another for another step or key", () => {
    const first = draw(keyedUniforms(key(1), 5), 20_000);
    expect(draw(keyedUniforms(key(1), 5), 20_000)).toEqual(first);
    expect(draw(keyedUniforms(key(1), 6), 20)).not.toEqual(first.slice(0, 20));
    expect(draw(keyedUniforms(key(2), 5), 20)).not.toEqual(first.slice(0, 20));
  });

  it("is AES-256-CTR keystream (counter block = step ‖ 0) read as 53-bit doubles from little-endian words", () => {
    // With the zero key and step 0 the first keystream block is AES-256_0(0¹²⁸), printed by
    // `openssl enc -aes-256-ecb -K 00…00 -nopad` on 16 zero bytes: dc95c078 a2408989 ad48a214 92842087.
    const words = [0x78c095dc, 0x898940a2];
    const expected = ((words[0]! >>> 5) * 2 ** 26 + (words[1]! >>> 6)) / 2 ** 53;
    expect(keyedUniforms(new Uint8Array(32), 0)()).toBe(expected);
  });

  it("gives uniform [0, 1) values: mean 1/2 and variance 1/12 within 5 standard errors over 200,000 draws", () => {
    const values = draw(keyedUniforms(key(3), 0), 200_000);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    // Standard errors: sqrt(1/12 / n) for the mean, sqrt(1/180 / n) for the variance of a uniform.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / values.length));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / values.length));
  });

  it("refuses a key that is not 32 bytes and a step that is not a non-negative integer", () => {
    expect(() => keyedUniforms(new Uint8Array(16), 0)).toThrow(/the key must be 32 bytes, got 16/);
    expect(() => keyedUniforms(key(1), -1)).toThrow(/step must be a non-negative integer, got -1/);
    expect(() => keyedUniforms(key(1), 1.5)).toThrow(/step must be a non-negative integer/);
  });
});
