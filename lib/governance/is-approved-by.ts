import satisfies from "spdx-satisfies";
import { AppError } from "../errors/index.ts";
import { parseLicenseExpression } from "./parse-license-expression.ts";

/**
 * Whether a license expression can be met using only `approved` licenses (an organisation's allow-list,
 * e.g. ["CC0-1.0", "CC-BY-4.0", "MIT"]), by spdx-satisfies: `A OR B` needs one approved, `A AND B` both;
 * `GPL-2.0+` style ranges are understood. Approved entries must be single ids (with `+` or `WITH`), not
 * compound expressions.
 *
 * @throws AppError "unprocessable" if the expression or an approved entry is not valid SPDX
 */
export function isApprovedBy(expression: string, approved: readonly string[]): boolean {
  parseLicenseExpression(expression);
  for (const entry of approved) {
    const node = parseLicenseExpression(entry);
    if (!("license" in node)) throw new AppError("unprocessable", `approved license "${entry}" must be a single license id, not an AND/OR expression`, { approved: entry });
  }
  return satisfies(expression.trim(), approved.map((entry) => entry.trim()));
}
