import type { Command } from "commander";
import { ApiClient } from "../api-client.ts";
import { CliError, printResult, type OutputOptions } from "../output.ts";
import { oneLineErrors } from "./one-line-errors.ts";

/** GET /api/v1/audit-log/verify (lib/audit-log's AuditLogVerification). */
interface Verification {
  ok: boolean;
  entriesChecked: number;
  firstBroken?: { seq: string; reason: string };
  /** The signed head kept outside the database, or null. */
  anchor?: { seq: string; hash: string; signedAt: string; signature: string; signatureValid: boolean } | null;
  /** Anchored entries missing from the chain's end, or null. */
  missingEntries?: { afterSeq: string; throughSeq: string } | null;
}

/** `canary audit-log verify [--json]`: checks the hash chain through the API; exit 1 when broken. */
export function registerAuditLogCommands(program: Command): void {
  const group = oneLineErrors(program.command("audit-log")).description("the tamper-evident audit log");
  group
    .command("verify")
    .description("verify the audit log's hash chain against its signed anchor; exits 1 and names the first broken entry")
    .option("--json", "print the result as JSON")
    .action(async (options: OutputOptions) => {
      const result = await new ApiClient().get<Verification>("/api/v1/audit-log/verify");
      if (result.ok) {
        const anchored = result.anchor ? `, anchored at entry ${result.anchor.seq} (signed ${result.anchor.signedAt})` : "";
        printResult(options, result, () => `audit log intact: ${result.entriesChecked} entries verified${anchored}`);
        return;
      }
      if (options.json) printResult(options, result, () => "");
      const broken = result.firstBroken;
      throw new CliError(
        broken
          ? `audit log broken at entry ${broken.seq}: ${broken.reason} (${result.entriesChecked} entries before it verified)`
          : "audit log broken",
      );
    });
}
