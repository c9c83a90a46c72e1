/**
 * JSON for API answers: BigInt (sequence numbers, byte sizes) becomes a decimal string, because
 * JSON numbers lose precision above 2^53 and JSON.stringify throws on BigInt.
 */
export function serializeJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
}
