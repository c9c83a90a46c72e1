import { hash } from "node:crypto";

/**
 * SHA-256 (base64) of a normalised text (see normaliseText): records whose texts differ only in
 * case or whitespace get the same hash, and different texts collide with probability ~2^-256.
 *
 * @example contentHash(normaliseText("Hello  World")) === contentHash("hello world") // true
 */
export function contentHash(normalisedText: string): string {
  return hash("sha256", normalisedText, "base64");
}
