/**
 * A zod issue path as a JSONPath, the way people point into a JSON file:
 * `["criteria", 2, "threshold"]` → `$.criteria[2].threshold`, `["tprAtFpr", "0.001"]` → `$.tprAtFpr["0.001"]`.
 */
export function toJsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((jsonPath, key) => {
    if (typeof key === "number") return `${jsonPath}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${jsonPath}.${name}` : `${jsonPath}[${JSON.stringify(name)}]`;
  }, "$");
}
