// Every `canary` command group registers itself here, one line each.
import type { Command } from "commander";
import { registerApiCommands } from "./api-commands.ts";
import { registerAuditCommands } from "./audit.ts";
import { registerPrivacyCommands } from "./privacy.ts";
import { registerScanCommands } from "./scan.ts";

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerApiCommands, registerScanCommands, registerAuditCommands, registerPrivacyCommands];
