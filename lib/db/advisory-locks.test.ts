import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADVISORY_LOCK_CLASSES, ADVISORY_LOCK_KEYS } from "./advisory-locks.ts";

const lib = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : sources(full);
    return /\.ts$/.test(entry) && !/\.test\.ts$/.test(entry) ? [full] : [];
  });
}

describe("advisory lock registry", () => {
  it("gives every feature its own key in each key space", () => {
    for (const space of [ADVISORY_LOCK_KEYS, ADVISORY_LOCK_CLASSES]) {
      const values = Object.values(space);
      expect(new Set(values).size, JSON.stringify(space)).toBe(values.length);
    }
  });

  it("is where every lock taken in lib/ gets its key", () => {
    const taken: string[] = [];
    for (const file of sources(lib)) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        for (const call of line.matchAll(/pg_advisory_(?:xact_)?lock\((.*?)\)(?=[`"',])/g)) {
          const at = `${path.relative(lib, file)}: ${line.trim()}`;
          taken.push(at);
          const key = call[1]!;
          // A single key from the registry (inline, or as the query's parameter), or a registry class
          // with the hashtext of the object's id.
          if (key === "$1") expect(line, at).toMatch(/\[ADVISORY_LOCK_KEYS\.\w+\]/);
          else expect(key, at).toMatch(/^(\$\{ADVISORY_LOCK_KEYS\.\w+\}|\$\{ADVISORY_LOCK_CLASSES\.\w+\}::int, hashtext\(\$\{[^}]+\}\))$/);
        }
      }
    }
    expect(taken.length).toBeGreaterThan(5);
  });
});
