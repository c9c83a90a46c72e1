// The OpenAPI 3.1 document of /api/v1, built from the same zod schemas the route handlers parse
// with, and from the route-permissions table, so neither can drift from what the server does.
// Schemas are imported from their `schemas.ts` files, not the folders' index, so that printing the
// document (`canary openapi`) loads no database or queue client.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { json, type Operation } from "./operation.ts";
import { SCORECARD_OPERATIONS } from "./operations-scorecards.ts";
import { GOVERNANCE_OPERATIONS } from "./operations-governance.ts";
import { AUDIT_OPERATIONS } from "./operations-audits.ts";
import { MODEL_OPERATIONS } from "./operations-models.ts";
import { z } from "zod";
import { listAuditLogQuerySchema } from "../../audit-log/index.ts";
import { createApiTokenSchema, findRouteRule, PERMISSIONS, type HttpMethod, type RouteAccess } from "../../auth/index.ts";
import { listDatasetsQuerySchema, registerDatasetSchema, uploadVersionQuerySchema } from "../../datasets/index.ts";
import { listJobsQuerySchema } from "../../queue/index.ts";
import { setUserRolesSchema } from "../../users/index.ts";
import {
  apiTokenSchema,
  auditLogEntrySchema,
  auditLogVerificationSchema,
  createdApiTokenSchema,
  datasetDetailSchema,
  datasetSummarySchema,
  datasetVersionSchema,
  errorResponseSchema,
  jobSchema,
  meSchema,
  paginated,
  uploadResultSchema,
  userSchema,
} from "./schemas.ts";

export const API_VERSION = "1.0.0";

const nameParam = z.object({ name: z.string().describe("Dataset name") });
const idParam = z.object({ id: z.string() });

const CORE_OPERATIONS: Operation[] = [
  { method: "GET", route: "/api/v1/openapi.json", operationId: "getOpenApiDocument", summary: "This document", tag: "meta", success: { status: 200, description: "The OpenAPI 3.1 document" } },
  { method: "GET", route: "/api/v1/me", operationId: "getMe", summary: "Who the caller is and what they may do", tag: "meta", success: { status: 200, description: "The caller", schema: meSchema } },
  { method: "GET", route: "/api/v1/datasets", operationId: "listDatasets", summary: "List datasets", tag: "datasets", query: listDatasetsQuerySchema, success: { status: 200, description: "One page of datasets", schema: paginated(datasetSummarySchema) } },
  { method: "POST", route: "/api/v1/datasets", operationId: "registerDataset", summary: "Register a dataset with its provenance", tag: "datasets", body: { required: true, content: json(registerDatasetSchema) }, success: { status: 201, description: "The registered dataset", schema: datasetSummarySchema }, errors: [409] },
  { method: "GET", route: "/api/v1/datasets/[name]", operationId: "getDataset", summary: "A dataset with its versions", tag: "datasets", params: nameParam, success: { status: 200, description: "The dataset", schema: datasetDetailSchema }, errors: [404] },
  {
    method: "POST",
    route: "/api/v1/datasets/[name]/versions",
    operationId: "uploadDatasetVersion",
    summary: "Upload a new immutable version (the body is the file, streamed)",
    tag: "datasets",
    params: nameParam,
    query: uploadVersionQuerySchema,
    body: { required: true, description: "The file's bytes: CSV, JSON Lines or text", content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } },
    success: { status: 201, description: "The version, and the ingest job that reads it", schema: uploadResultSchema },
    errors: [404, 409, 413, 415],
  },
  { method: "GET", route: "/api/v1/datasets/[name]/versions/[version]", operationId: "getDatasetVersion", summary: "One dataset version", tag: "datasets", params: z.object({ name: z.string(), version: z.coerce.number().int().min(1) }), success: { status: 200, description: "The version", schema: datasetVersionSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/jobs", operationId: "listJobs", summary: "List queue jobs", tag: "jobs", query: listJobsQuerySchema, success: { status: 200, description: "One page of jobs", schema: paginated(jobSchema) } },
  { method: "GET", route: "/api/v1/jobs/[id]", operationId: "getJob", summary: "One job and its progress", tag: "jobs", params: idParam, success: { status: 200, description: "The job", schema: jobSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/audit-log", operationId: "listAuditLog", summary: "Read the audit log, newest first", tag: "audit-log", query: listAuditLogQuerySchema, success: { status: 200, description: "One page of entries", schema: paginated(auditLogEntrySchema) } },
  { method: "GET", route: "/api/v1/audit-log/verify", operationId: "verifyAuditLog", summary: "Verify the audit log's hash chain", tag: "audit-log", success: { status: 200, description: "Whether the chain holds, and the first entry that does not", schema: auditLogVerificationSchema } },
  { method: "GET", route: "/api/v1/tokens", operationId: "listApiTokens", summary: "The caller's API tokens", tag: "tokens", success: { status: 200, description: "Tokens, without their secrets", schema: z.object({ items: z.array(apiTokenSchema) }) } },
  { method: "POST", route: "/api/v1/tokens", operationId: "createApiToken", summary: "Create an API token (shown once)", tag: "tokens", body: { required: true, content: json(createApiTokenSchema) }, success: { status: 201, description: "The token and its record", schema: createdApiTokenSchema }, errors: [404] },
  { method: "DELETE", route: "/api/v1/tokens/[id]", operationId: "revokeApiToken", summary: "Revoke an API token", tag: "tokens", params: idParam, success: { status: 200, description: "The revoked token", schema: apiTokenSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/users", operationId: "listUsers", summary: "Users and their roles", tag: "users", success: { status: 200, description: "Every user", schema: z.object({ items: z.array(userSchema) }) } },
  { method: "PUT", route: "/api/v1/users/[id]/roles", operationId: "setUserRoles", summary: "Replace a user's roles", tag: "users", params: idParam, body: { required: true, content: json(setUserRolesSchema) }, success: { status: 200, description: "The user with the new roles", schema: userSchema }, errors: [404, 409] },
];

// Each area lists its operations in its own operations-<area>.ts beside this file.
const OPERATIONS: Operation[] = [...CORE_OPERATIONS, ...GOVERNANCE_OPERATIONS, ...SCORECARD_OPERATIONS, ...AUDIT_OPERATIONS, ...MODEL_OPERATIONS];

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request",
  401: "No session and no valid API token",
  403: "The caller lacks the permission",
  404: "Not found",
  409: "Conflicts with the current state",
  413: "Body larger than the server accepts",
  415: "Unsupported file type",
  422: "Input failed validation; `details.issues` lists each path and message",
  500: "Unexpected server error (no details)",
};

/** `/api/v1/datasets/[name]` → `/api/v1/datasets/{name}`. */
export function toOpenApiPath(route: string): string {
  return route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");
}

function accessText(access: RouteAccess): string {
  if (access === "public") return "Public: no authentication.";
  if (access === "authenticated") return "Requires any signed-in user or valid API token.";
  const permission = PERMISSIONS.find((p) => p.name === access)!;
  return `Requires permission \`${access}\` (${permission.description}; roles: ${permission.roles.join(", ")}). API tokens also need it in their scopes.`;
}

function accessOf(operation: Operation): RouteAccess {
  const rule = findRouteRule(operation.route.replace(/\[(?:\.\.\.)?[^\]]+\]/g, "x"), operation.method);
  if (!rule || rule.pattern !== operation.route) {
    throw new Error(`buildOpenApiDocument: ${operation.method} ${operation.route} has no row in lib/auth/route-permissions.ts`);
  }
  return rule.access;
}

/** The whole document; pure (no I/O), so the CLI prints it without a server. */
export function buildOpenApiDocument(options: { serverUrl?: string } = {}) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "cnry_<43 base64url characters>",
    description: "An API token from Settings or `POST /api/v1/tokens`. Its scopes narrow its owner's permissions.",
  });
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The browser session after signing in (`__Secure-next-auth.session-token` over https).",
  });

  for (const operation of OPERATIONS) {
    const access = accessOf(operation);
    const errors = access === "public" ? [...(operation.errors ?? []), 500] : [401, 403, ...(operation.errors ?? []), 422, 500];
    const responses: RouteConfig["responses"] = {
      [operation.success.status]: {
        description: operation.success.description,
        ...(operation.success.schema ? { content: json(operation.success.schema) } : {}),
      },
    };
    for (const status of [...new Set(errors)].sort()) {
      responses[status] = { description: ERROR_DESCRIPTIONS[status] ?? "Error", content: json(errorResponseSchema) };
    }
    registry.registerPath({
      method: operation.method.toLowerCase() as RouteConfig["method"],
      path: toOpenApiPath(operation.route),
      operationId: operation.operationId,
      summary: operation.summary,
      description: accessText(access),
      tags: [operation.tag],
      security: access === "public" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
      "x-canary-permission": access,
      request: {
        ...(operation.params ? { params: operation.params } : {}),
        ...(operation.query ? { query: operation.query } : {}),
        ...(operation.body ? { body: operation.body } : {}),
      },
      responses,
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Canary API",
      version: API_VERSION,
      description:
        "Data governance and privacy risk for machine learning. Errors are `{ error: { code, message, details? } }` with the status of the code.",
    },
    servers: [{ url: options.serverUrl ?? "/" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
  });
}
