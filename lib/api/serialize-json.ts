/**
 * JSON for API answers: BigInt (sequence numbers, byte sizes) becomes a decimal string, because
 * JSON numbers lose precision above 2^53 and JSON.stringify throws on BigInt.
 */
export function serializeJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
}

/** A server component's data as a client component receives it from the API: serializeJson, then JSON.parse. */
export function toSerialized<T>(value: T): Serialized<T> {
  return JSON.parse(serializeJson(value)) as Serialized<T>;
}

/**
 * The type a value of type T has after serializeJson and JSON.parse, so browser code derives its
 * types from lib/ instead of copying them: Date and BigInt become strings.
 */
export type Serialized<T> = T extends Date | bigint
  ? string
  : T extends string | number | boolean | null
    ? T
    : T extends readonly (infer Item)[]
      ? Serialized<Item>[]
      : T extends object
        ? { [K in keyof T]: Serialized<T[K]> }
        : T;
