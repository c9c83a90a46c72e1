// Every `canary` command group registers itself here, one line each.
import type { Command } from "commander";
import { registerApiCommands } from "./api-commands.ts";
import { registerAuditCommands } from "./audit.ts";
import { registerPrivacyCommands } from "./privacy.ts";
import { registerPolicyCommands } from "./policy.ts";
import { registerScanCommands } from "./scan.ts";
import { registerScorecardCommands } from "./scorecard.ts";
import { registerScanPiiCommand } from "./scan-pii.ts";
import { registerTrainCommand } from "./train.ts";

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerApiCommands, registerScanCommands, registerAuditCommands, registerScanPiiCommand, registerPrivacyCommands, registerPolicyCommands, registerTrainCommand, registerScorecardCommands];
