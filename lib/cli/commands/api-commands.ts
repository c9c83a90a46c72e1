// The command groups that talk to the REST API or describe it: openapi, datasets, audit-log.
import type { Command } from "commander";
import { registerAuditLogCommands } from "./audit-log.ts";
import { registerDatasetsCommands } from "./datasets.ts";
import { registerOpenApiCommand } from "./openapi.ts";

export function registerApiCommands(program: Command): void {
  registerOpenApiCommand(program);
  registerDatasetsCommands(program);
  registerAuditLogCommands(program);
}
