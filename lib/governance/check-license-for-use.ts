import type { IntendedUse } from "../db/index.ts";
import { OBLIGATIONS, licenseRuleFor, type Obligation } from "./license-rules.ts";
import { isLicenseLeaf, parseLicenseExpression, type LicenseLeaf, type LicenseNode } from "./parse-license-expression.ts";

export type LicenseVerdict = "compatible" | "conflict" | "unknown";

export interface LicenseCheck {
  verdict: LicenseVerdict;
  /** Conditions that come with the (chosen) licenses, in the order of OBLIGATIONS. */
  obligations: Obligation[];
  /** Sentences saying why, one per license considered, plus one per OR choice made. */
  reasons: string[];
  /** The license ids the verdict rests on: for `A OR B`, the choice taken. */
  licenses: string[];
}

const VERDICT_RANK: Record<LicenseVerdict, number> = { compatible: 0, unknown: 1, conflict: 2 };

/**
 * Whether an SPDX license expression allows an intended use, by the rows of LICENSE_RULES.
 * `A AND B` needs both (obligations add up); `A OR B` takes the better choice, and among compatible
 * choices the one with fewer obligations; `A WITH exception` is judged as A (exceptions only grant more);
 * `A+` as A (the licensee may pick A). Ids without a row answer "unknown", never "compatible".
 *
 * @throws AppError "unprocessable" if the expression is not valid SPDX
 * @example checkLicenseForUse("CC-BY-NC-4.0", "commercial_training").verdict // "conflict"
 */
export function checkLicenseForUse(expression: string, use: IntendedUse): LicenseCheck {
  return checkNode(parseLicenseExpression(expression), use);
}

/** As checkLicenseForUse, for an already parsed expression. */
export function checkNode(node: LicenseNode, use: IntendedUse): LicenseCheck {
  if (isLicenseLeaf(node)) return checkLeaf(node, use);
  const left = checkNode(node.left, use);
  const right = checkNode(node.right, use);
  if (node.conjunction === "and") {
    return {
      verdict: VERDICT_RANK[left.verdict] >= VERDICT_RANK[right.verdict] ? left.verdict : right.verdict,
      obligations: unionObligations(left.obligations, right.obligations),
      reasons: [...left.reasons, ...right.reasons],
      licenses: [...new Set([...left.licenses, ...right.licenses])],
    };
  }
  const [chosen, other] = lessRestrictiveFirst(left, right);
  const written = `${describe(left)} OR ${describe(right)}`;
  const choice =
    chosen.verdict === "compatible" && other.verdict === "compatible"
      ? `${written}: both allow ${use}; taking ${describe(chosen)}, the one with fewer obligations`
      : chosen.verdict === other.verdict
        ? `${written}: neither choice allows ${use} (${chosen.verdict})`
        : `${written}: taking ${describe(chosen)} (${chosen.verdict}) over ${describe(other)} (${other.verdict}) for ${use}`;
  return { ...chosen, reasons: [choice, ...chosen.reasons] };
}

function checkLeaf(leaf: LicenseLeaf, use: IntendedUse): LicenseCheck {
  const id = leaf.license;
  const rule = licenseRuleFor(id);
  const qualifiers: string[] = [];
  if (leaf.plus) qualifiers.push(`"${id}+" is judged as ${id}, a version the licensee may choose`);
  if (leaf.exception) qualifiers.push(`the exception ${leaf.exception} only adds permissions, so ${id} is judged without it`);
  if (!rule) {
    return {
      verdict: "unknown",
      obligations: [],
      reasons: [`${id} has no rule in Canary's license table; review its terms before ${use}`, ...qualifiers],
      licenses: [id],
    };
  }
  const permission = rule.uses[use];
  const named = rule.id === id ? id : `${id} (read as ${rule.id})`;
  const reason =
    permission === "allowed"
      ? `${named} allows ${use}${rule.obligations.length ? ` with obligations: ${rule.obligations.join(", ")}` : " without conditions"}`
      : permission === "forbidden"
        ? `${named} does not allow ${use}: ${rule.notes[use] ?? "the license forbids it"}`
        : `${named} needs review for ${use}: ${rule.notes[use] ?? "the terms are unclear for this use"}`;
  return {
    verdict: permission === "allowed" ? "compatible" : permission === "forbidden" ? "conflict" : "unknown",
    obligations: [...rule.obligations],
    reasons: [reason, ...qualifiers],
    licenses: [id],
  };
}

function lessRestrictiveFirst(a: LicenseCheck, b: LicenseCheck): [LicenseCheck, LicenseCheck] {
  if (VERDICT_RANK[a.verdict] !== VERDICT_RANK[b.verdict]) return VERDICT_RANK[a.verdict] < VERDICT_RANK[b.verdict] ? [a, b] : [b, a];
  // Same verdict: fewer obligations is less restrictive; a tie keeps the order written.
  return b.obligations.length < a.obligations.length ? [b, a] : [a, b];
}

export function unionObligations(...lists: Obligation[][]): Obligation[] {
  const present = new Set(lists.flat());
  return OBLIGATIONS.filter((obligation) => present.has(obligation));
}

function describe(check: LicenseCheck): string {
  return check.licenses.length === 1 ? check.licenses[0] : `(${check.licenses.join(" AND ")})`;
}
