import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document.ts";

describe("the OpenAPI document's scorecard operations", () => {
  const document = buildOpenApiDocument();
  const op = (path: string, method: string) => (document.paths?.[path] as Record<string, { operationId?: string; tags?: string[] }> | undefined)?.[method];

  it("lists the scorecard, approval, deployment, rollback and resolve operations", () => {
    expect(op("/api/v1/scorecards", "get")?.operationId).toBe("listScorecards");
    expect(op("/api/v1/scorecards/{id}", "get")?.operationId).toBe("getScorecard");
    expect(op("/api/v1/scorecards/{id}/decision", "post")).toMatchObject({ operationId: "decideScorecard", tags: ["approvals"] });
    expect(op("/api/v1/scorecards/{id}/export", "get")?.operationId).toBe("exportScorecard");
    expect(op("/api/v1/deployments/promote", "post")?.operationId).toBe("promoteModelVersion");
    expect(op("/api/v1/deployments/rollback", "post")?.operationId).toBe("rollbackModelVersion");
    expect(op("/api/v1/models/{name}/deployments/{environment}", "get")?.operationId).toBe("resolveDeployment");
  });

  it("documents the decision body and the resolve answer from the schemas the handlers use", () => {
    const decision = op("/api/v1/scorecards/{id}/decision", "post") as unknown as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } } };
    expect(Object.keys(decision.requestBody.content["application/json"].schema.properties).sort()).toEqual(["comment", "decision"]);
    expect(JSON.stringify(document.components?.schemas?.ResolvedDeployment)).toContain("sha256");
  });
});
