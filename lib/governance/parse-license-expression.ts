import parse, { type SpdxConjunction, type SpdxLicenseLeaf, type SpdxNode } from "spdx-expression-parse";
import spdxLicenseIds from "spdx-license-ids";
import { AppError } from "../errors/index.ts";

export type LicenseLeaf = SpdxLicenseLeaf;
export type LicenseConjunction = SpdxConjunction;
/** The AST of spdx-expression-parse: `{license, plus?, exception?}` leaves joined by `{left, conjunction, right}`. */
export type LicenseNode = SpdxNode;

export function isLicenseLeaf(node: LicenseNode): node is LicenseLeaf {
  return "license" in node;
}

/**
 * Parses an SPDX license expression (`MIT`, `CC-BY-4.0 OR ODbL-1.0`, `GPL-3.0-only WITH GCC-exception-3.1`,
 * `LicenseRef-Proprietary`) with spdx-expression-parse. Ids are case-sensitive, as SPDX spells them.
 *
 * @throws AppError "unprocessable" naming the expression and what is wrong with it
 * @example parseLicenseExpression("MIT OR CC0-1.0") // {left:{license:"MIT"}, conjunction:"or", right:{license:"CC0-1.0"}}
 */
export function parseLicenseExpression(expression: string): LicenseNode {
  if (typeof expression !== "string" || expression.trim() === "") {
    throw new AppError("unprocessable", "license expression is empty: give an SPDX expression such as CC-BY-4.0 or LicenseRef-Proprietary", {
      field: "licenseExpression",
    });
  }
  try {
    return parse(expression.trim());
  } catch (error) {
    const problem = describeParseError(expression.trim(), (error as Error).message);
    throw new AppError("unprocessable", `license expression "${clip(expression)}" is not valid SPDX: ${problem}`, {
      field: "licenseExpression",
      expression: clip(expression),
    });
  }
}

// spdx-expression-parse's messages are terse ("Unexpected `A` at offset 0") or accidental ("Cannot read
// properties of null"); turn them into a sentence naming the word at fault and, where one exists, the id meant.
function describeParseError(source: string, message: string): string {
  const unexpected = /^Unexpected `.` at offset (\d+)$/.exec(message);
  if (unexpected) {
    const offset = Number(unexpected[1]);
    const word = /^[^\s()]+/.exec(source.slice(offset))?.[0] ?? source[offset];
    const suggestion = suggestId(word);
    const where = `at offset ${offset}`;
    if (/^[A-Za-z0-9.+-]+$/.test(word)) {
      return `"${word}" ${where} is not an SPDX license id or exception${suggestion ? ` (did you mean "${suggestion}"?)` : ""}; use LicenseRef-<name> for a custom license`;
    }
    return `unexpected "${word}" ${where}`;
  }
  if (/reading 'type'/.test(message) || message === "") return "it ends where a license id was expected (after AND, OR, WITH or an opening parenthesis)";
  if (message === "Expected `)`") return "a parenthesis is not closed";
  if (message === "Expected exception after `WITH`") return "WITH must be followed by an SPDX exception id (such as Classpath-exception-2.0)";
  if (message === "Syntax error") return "operators and license ids are not in a valid order (e.g. two ids without AND/OR between them, or an unmatched parenthesis)";
  return message;
}

let idsByLowerCase: Map<string, string> | undefined;

function suggestId(word: string): string | undefined {
  idsByLowerCase ??= new Map(spdxLicenseIds.map((id) => [id.toLowerCase(), id]));
  return idsByLowerCase.get(word.toLowerCase().replace(/\+$/, ""));
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
