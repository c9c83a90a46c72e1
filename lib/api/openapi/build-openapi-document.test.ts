import { describe, expect, it } from "vitest";
import { ROUTE_PERMISSIONS } from "../../auth/index.ts";
import { buildOpenApiDocument, toOpenApiPath } from "./build-openapi-document.ts";

const document = buildOpenApiDocument();
const METHODS = ["get", "put", "post", "delete", "patch"] as const;

function operations() {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => (item as Record<string, unknown>)[method]).map((method) => ({
      path,
      method,
      operation: (item as Record<string, Record<string, unknown>>)[method]!,
    })),
  );
}

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refs(item, found));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string") found.push(item);
      else refs(item, found);
    }
  }
  return found;
}

describe("buildOpenApiDocument", () => {
  it("is an OpenAPI 3.1 document with info, paths and components", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: "Canary API", version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(Object.keys(document.paths ?? {}).length).toBeGreaterThan(10);
    for (const path of Object.keys(document.paths ?? {})) expect(path).toMatch(/^\/api\/v1\/[a-z0-9/{}.-]+$/i);
  });

  it("is pure and serialisable: two builds are identical JSON", () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(document));
  });

  it("declares bearer-token and session-cookie security", () => {
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components?.securitySchemes?.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
  });

  it("documents every /api/v1 row of the route-permissions table, naming its permission", () => {
    const rows = ROUTE_PERMISSIONS.filter((r) => r.kind === "api" && r.pattern.startsWith("/api/v1/"));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      if (row.kind !== "api") continue;
      const operation = (document.paths?.[toOpenApiPath(row.pattern)] as Record<string, Record<string, unknown>> | undefined)?.[row.method.toLowerCase()];
      expect(operation, `${row.method} ${row.pattern}`).toBeDefined();
      expect(operation!["x-canary-permission"]).toBe(row.access);
      if (row.access === "public") {
        expect(operation!.security).toEqual([]);
      } else {
        expect(String(operation!.description)).toContain(row.access === "authenticated" ? "signed-in" : `\`${row.access}\``);
        expect(Object.keys(operation!.responses as object)).toEqual(expect.arrayContaining(["401", "403"]));
      }
    }
    // …and nothing the table does not know.
    expect(operations().length).toBe(rows.length);
  });

  it("gives every operation a unique operationId and path parameters that match its path", () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, operation } of operations()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = ((operation.parameters as { in: string; name: string }[] | undefined) ?? [])
        .filter((p) => p.in === "path")
        .map((p) => p.name)
        .sort();
      expect(declared, path).toEqual(inPath);
    }
  });

  it("resolves every $ref to a component", () => {
    const schemas = document.components?.schemas ?? {};
    const all = refs(document);
    expect(all.length).toBeGreaterThan(0);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.replace("#/components/schemas/", "")], ref).toBeDefined();
    }
  });

  it("takes request bodies and queries from the handlers' own schemas", () => {
    const register = document.paths?.["/api/v1/datasets"]?.post?.requestBody as { content: Record<string, { schema: { required: string[] } }> };
    expect(register.content["application/json"]!.schema.required).toEqual(
      expect.arrayContaining(["name", "source", "collectionMethod", "consentBasis", "licenseExpression", "intendedUse"]),
    );
    const upload = document.paths?.["/api/v1/datasets/{name}/versions"]?.post;
    expect(Object.keys((upload?.requestBody as { content: object }).content)).toEqual(["application/octet-stream"]);
    const query = (upload?.parameters as { in: string; name: string; required: boolean }[]).filter((p) => p.in === "query");
    expect(query.find((p) => p.name === "filename")?.required).toBe(true);
    expect(query.map((p) => p.name)).toEqual(expect.arrayContaining(["parents", "transformation", "notes"]));
  });

  it("describes BigInt fields as strings", () => {
    const entry = document.components?.schemas?.AuditLogEntry as { properties: Record<string, { type: string }> };
    expect(entry.properties.seq!.type).toBe("string");
    const version = document.components?.schemas?.DatasetVersion as { properties: Record<string, { type: string }> };
    expect(version.properties.sizeBytes!.type).toBe("string");
  });
});
