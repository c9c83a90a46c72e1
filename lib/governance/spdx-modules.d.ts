// Types for the CommonJS SPDX packages, which ship none. Only what lib/governance uses.

declare module "spdx-expression-parse" {
  export interface SpdxLicenseLeaf {
    license: string;
    plus?: true;
    exception?: string;
  }
  export interface SpdxConjunction {
    left: SpdxNode;
    conjunction: "and" | "or";
    right: SpdxNode;
  }
  export type SpdxNode = SpdxLicenseLeaf | SpdxConjunction;
  /** Throws a plain Error on anything that is not a valid SPDX license expression. */
  export default function parse(source: string): SpdxNode;
}

declare module "spdx-satisfies" {
  /** True if `expression` can be satisfied using only the `approved` licenses (simple ids, `+` ranges, `WITH`). */
  export default function satisfies(expression: string, approved: string[]): boolean;
}

declare module "spdx-license-ids" {
  const ids: string[];
  export default ids;
}

declare module "spdx-license-ids/deprecated" {
  const ids: string[];
  export default ids;
}
