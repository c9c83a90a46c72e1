// What client components may load from lib/governance: the SPDX expression parser, free of the database.
export { parseLicenseExpression } from "./parse-license-expression.ts";
