// One REST operation as the OpenAPI document describes it. Areas list theirs in operations-<area>.ts.
import type { RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import type { HttpMethod } from "../../auth/index.ts";

type Body = NonNullable<RouteConfig["request"]>["body"];

export interface Operation {
  method: HttpMethod;
  /** Next.js folder syntax, as in the route-permissions table: `/api/v1/datasets/[name]`. */
  route: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject | z.ZodPipe;
  body?: Body;
  success: { status: number; description: string; schema?: z.ZodType };
  /** Statuses besides 401/403/422/500 that this operation answers on purpose. */
  errors?: number[];
}

export const json = (schema: z.ZodType) => ({ "application/json": { schema } });
