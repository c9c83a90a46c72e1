import type { IntendedUse } from "../db/index.ts";

// What each common dataset license allows for each intended use, read conservatively. This is a screening
// aid, not legal advice: "review" means a person must read the terms (the check answers "unknown"), and
// no id outside this table is ever allowed silently. Clauses are cited by section of the license text.
//
// Readings that hold for the whole table:
// - "commercial_training" is training a model for commercial advantage; "internal_evaluation" is evaluating
//   models in-house, which in a company is also a commercial purpose.
// - Whether a trained model is a copy/adaptation of its data ("Adapted Material", "Derivative Database",
//   "work based on the Program") is unsettled; where that decides the answer for redistribution_model the
//   row says "review" rather than guessing either way.
// - Obligations are the license's conditions, listed whatever the use; most bite only on sharing.

export type UsePermission = "allowed" | "forbidden" | "review";

export const OBLIGATIONS = [
  /** Credit the licensor and keep notices (CC BY s3(a), MIT, BSD, Apache s4). */
  "attribution",
  /** Adaptations shared must carry the same (or a compatible) license (CC BY-SA s3(b), ODbL s4.4, CDLA-Sharing s3). */
  "share_alike",
  /** Only for purposes not primarily intended for commercial advantage (CC BY-NC s1(i), s2(a)(1)). */
  "non_commercial",
  /** Adapted material may be made but not shared (CC BY-ND s2(a)(1)(B)). */
  "no_derivatives",
  /** Conveyed copies and works based on it must be under the same license, with source (GPL s5, s6). */
  "copyleft",
  /** Copyleft also triggered by offering the work to users over a network (AGPL s13). */
  "network_copyleft",
  /** A copy of the license text must accompany redistributed copies (Apache s4(a), CDLA s3.1, OpenRAIL). */
  "include_license",
  /** Modified files must say they were changed (Apache-2.0 s4(b)). */
  "state_changes",
  /** Use-based restrictions bind every user and must be passed on downstream (OpenRAIL para. 4-5, Attachment A). */
  "use_restrictions",
  /** The terms are in a separate agreement that must be checked (LicenseRef-Proprietary). */
  "separate_agreement",
] as const;

export type Obligation = (typeof OBLIGATIONS)[number];

export interface LicenseRule {
  id: string;
  name: string;
  uses: Record<IntendedUse, UsePermission>;
  obligations: Obligation[];
  /** Why a use is forbidden or needs review, one sentence each, citing the clause. */
  notes: Partial<Record<IntendedUse, string>>;
}

const ALL_ALLOWED: Record<IntendedUse, UsePermission> = {
  commercial_training: "allowed",
  research_only: "allowed",
  redistribution_data: "allowed",
  redistribution_model: "allowed",
  internal_evaluation: "allowed",
};

const ALL_REVIEW: Record<IntendedUse, UsePermission> = {
  commercial_training: "review",
  research_only: "review",
  redistribution_data: "review",
  redistribution_model: "review",
  internal_evaluation: "review",
};

// NonCommercial: "not primarily intended for or directed towards commercial advantage or monetary
// compensation" (CC BY-NC 4.0 s1(i)); the grant is "for NonCommercial purposes only" (s2(a)(1)).
const NC_COMMERCIAL = "CC BY-NC 4.0 s2(a)(1) licenses the material for NonCommercial purposes only; commercial training is outside the grant";
const NC_INTERNAL = "internal evaluation in a company is likely a commercial purpose under CC BY-NC 4.0 s1(i); only non-commercial evaluation is covered";
const MODEL_IS_ADAPTATION = "whether a trained model is Adapted Material of the data (CC 4.0 s1(a)) is unsettled, so sharing it needs review";

const rows: LicenseRule[] = [
  // Public-domain dedications: no conditions at all.
  { id: "CC0-1.0", name: "Creative Commons Zero v1.0 Universal", uses: ALL_ALLOWED, obligations: [], notes: {} }, // s2 waiver of all rights, s3 fallback licence
  { id: "PDDL-1.0", name: "Open Data Commons Public Domain Dedication & License 1.0", uses: ALL_ALLOWED, obligations: [], notes: {} }, // s3.1 dedication, s3.2 fallback licence
  // CC BY 4.0 s3(a): give credit, link the license, indicate modifications when Sharing.
  { id: "CC-BY-4.0", name: "Creative Commons Attribution 4.0 International", uses: ALL_ALLOWED, obligations: ["attribution"], notes: {} },
  // CC BY-SA 4.0 s3(b): Adapted Material you Share must be under BY-SA 4.0 or a BY-SA Compatible License.
  { id: "CC-BY-SA-4.0", name: "Creative Commons Attribution Share Alike 4.0 International", uses: ALL_ALLOWED, obligations: ["attribution", "share_alike"], notes: {} },
  {
    id: "CC-BY-NC-4.0",
    name: "Creative Commons Attribution Non Commercial 4.0 International",
    uses: { commercial_training: "forbidden", research_only: "allowed", redistribution_data: "allowed", redistribution_model: "review", internal_evaluation: "review" },
    obligations: ["attribution", "non_commercial"],
    notes: { commercial_training: NC_COMMERCIAL, internal_evaluation: NC_INTERNAL, redistribution_model: `${MODEL_IS_ADAPTATION}, and it may only be shared non-commercially` },
  },
  {
    id: "CC-BY-NC-SA-4.0",
    name: "Creative Commons Attribution Non Commercial Share Alike 4.0 International",
    uses: { commercial_training: "forbidden", research_only: "allowed", redistribution_data: "allowed", redistribution_model: "review", internal_evaluation: "review" },
    obligations: ["attribution", "non_commercial", "share_alike"],
    notes: {
      commercial_training: NC_COMMERCIAL,
      internal_evaluation: NC_INTERNAL,
      redistribution_model: `${MODEL_IS_ADAPTATION}; if it is, it must be shared non-commercially under BY-NC-SA (s3(b))`,
    },
  },
  // CC BY-ND 4.0 s2(a)(1)(B): "produce and reproduce, but not Share, Adapted Material". Making a model in-house is
  // producing; redistributing the data is fine only unmodified.
  {
    id: "CC-BY-ND-4.0",
    name: "Creative Commons Attribution No Derivatives 4.0 International",
    uses: { commercial_training: "allowed", research_only: "allowed", redistribution_data: "allowed", redistribution_model: "review", internal_evaluation: "allowed" },
    obligations: ["attribution", "no_derivatives"],
    notes: { redistribution_model: `${MODEL_IS_ADAPTATION}, and BY-ND forbids Sharing Adapted Material (s2(a)(1)(B))` },
  },
  {
    id: "CC-BY-NC-ND-4.0",
    name: "Creative Commons Attribution Non Commercial No Derivatives 4.0 International",
    uses: { commercial_training: "forbidden", research_only: "allowed", redistribution_data: "allowed", redistribution_model: "review", internal_evaluation: "review" },
    obligations: ["attribution", "non_commercial", "no_derivatives"],
    notes: {
      commercial_training: NC_COMMERCIAL,
      internal_evaluation: NC_INTERNAL,
      redistribution_model: `${MODEL_IS_ADAPTATION}, and BY-NC-ND forbids Sharing Adapted Material (s2(a)(1)(B))`,
    },
  },
  // ODbL 1.0 s4.2-4.3 notices; s4.4 publicly used Derivative Databases must be ODbL (share-alike); s4.5 a
  // Produced Work (e.g. a model's output or the model) needs only a notice; s4.6 offer the derivative database.
  { id: "ODbL-1.0", name: "Open Data Commons Open Database License v1.0", uses: ALL_ALLOWED, obligations: ["attribution", "share_alike"], notes: {} },
  // ODC-By 1.0 s4.2-4.3: attribution notices only.
  { id: "ODC-By-1.0", name: "Open Data Commons Attribution License v1.0", uses: ALL_ALLOWED, obligations: ["attribution"], notes: {} },
  // CDLA-Permissive-2.0 s2.1 share Data with this agreement's text; s2.3 no restrictions on Results (models, outputs).
  { id: "CDLA-Permissive-2.0", name: "Community Data License Agreement Permissive 2.0", uses: ALL_ALLOWED, obligations: ["include_license"], notes: {} },
  // CDLA-Sharing-1.0 s3.1 publish Data under this agreement, s3.2 keep notices, s3.3 Enhanced Data shared under
  // CDLA-Sharing; s2.2/s4 Results are not restricted.
  { id: "CDLA-Sharing-1.0", name: "Community Data License Agreement Sharing 1.0", uses: ALL_ALLOWED, obligations: ["attribution", "include_license", "share_alike"], notes: {} },
  // Software licenses applied to data. MIT / BSD: keep the copyright notice and permission text in copies.
  { id: "MIT", name: "MIT License", uses: ALL_ALLOWED, obligations: ["attribution", "include_license"], notes: {} },
  { id: "BSD-3-Clause", name: 'BSD 3-Clause "New" or "Revised" License', uses: ALL_ALLOWED, obligations: ["attribution", "include_license"], notes: {} }, // clause 3: no endorsement
  // Apache-2.0 s4(a) include the license, s4(b) mark modified files, s4(c)/(d) keep notices and NOTICE.
  { id: "Apache-2.0", name: "Apache License 2.0", uses: ALL_ALLOWED, obligations: ["attribution", "include_license", "state_changes"], notes: {} },
  // GPL-3.0 s2: covered works you do not convey may be run and modified without conditions; s5(c)/s6 conveyed
  // works based on it must be GPL with source.
  {
    id: "GPL-3.0-only",
    name: "GNU General Public License v3.0 only",
    uses: { commercial_training: "allowed", research_only: "allowed", redistribution_data: "allowed", redistribution_model: "review", internal_evaluation: "allowed" },
    obligations: ["attribution", "include_license", "copyleft"],
    notes: { redistribution_model: "whether a model trained on GPL data is a work based on it (GPL-3.0 s0, s5) is unsettled; if so it must be conveyed under the GPL with source" },
  },
  // AGPL-3.0 s13: users interacting with a modified version over a network must be offered its source.
  {
    id: "AGPL-3.0-only",
    name: "GNU Affero General Public License v3.0 only",
    uses: { commercial_training: "review", research_only: "allowed", redistribution_data: "allowed", redistribution_model: "review", internal_evaluation: "allowed" },
    obligations: ["attribution", "include_license", "copyleft", "network_copyleft"],
    notes: {
      commercial_training: "a model served to users over a network may be a modified version under AGPL-3.0 s13, which would oblige offering its source",
      redistribution_model: "whether a model trained on AGPL data is a work based on it (AGPL-3.0 s0, s5) is unsettled; if so it must be conveyed under the AGPL with source",
    },
  },
  // Responsible AI licenses are not on the SPDX list. OpenRAIL-M para. 3-4: commercial use and distribution
  // allowed; para. 5 and Attachment A: use-based restrictions that must be passed on (para. 4(a)).
  { id: "LicenseRef-OpenRAIL", name: "Open Responsible AI License (OpenRAIL family)", uses: ALL_ALLOWED, obligations: ["include_license", "use_restrictions"], notes: {} },
  { id: "LicenseRef-OpenRAIL-M", name: "Open RAIL-M (model) License", uses: ALL_ALLOWED, obligations: ["include_license", "use_restrictions"], notes: {} },
  // Custom terms: what is allowed lives in the contract; redistribution is what proprietary terms forbid first.
  {
    id: "LicenseRef-Proprietary",
    name: "Proprietary (terms in a separate agreement)",
    uses: { commercial_training: "review", research_only: "review", redistribution_data: "forbidden", redistribution_model: "review", internal_evaluation: "review" },
    obligations: ["separate_agreement"],
    notes: {
      commercial_training: "proprietary terms: check the agreement allows training commercial models",
      research_only: "proprietary terms: check the agreement allows research use",
      redistribution_data: "proprietary data may not be redistributed without the holder's written permission",
      redistribution_model: "proprietary terms: check the agreement allows distributing models trained on the data",
      internal_evaluation: "proprietary terms: check the agreement allows internal evaluation",
    },
  },
  {
    id: "LicenseRef-Unknown",
    name: "Unknown license",
    uses: ALL_REVIEW,
    obligations: [],
    notes: Object.fromEntries(Object.keys(ALL_REVIEW).map((use) => [use, "the license is unknown: find it before any use"])),
  },
];

/** One row per license id; the single source of what each license allows. */
export const LICENSE_RULES: ReadonlyMap<string, LicenseRule> = new Map(rows.map((rule) => [rule.id, rule]));

/**
 * Ids that mean one of the rows. Deprecated bare GPL ids mean "-only" (SPDX license list 3.0 notes); an
 * "-or-later" grant lets the licensee pick the listed version, so its row applies.
 */
export const LICENSE_ALIASES: ReadonlyMap<string, string> = new Map([
  ["GPL-3.0", "GPL-3.0-only"],
  ["GPL-3.0-or-later", "GPL-3.0-only"],
  ["AGPL-3.0", "AGPL-3.0-only"],
  ["AGPL-3.0-or-later", "AGPL-3.0-only"],
]);

/** The rule for an SPDX id (after aliases), or undefined: callers must treat that as "unknown". */
export function licenseRuleFor(id: string): LicenseRule | undefined {
  return LICENSE_RULES.get(LICENSE_ALIASES.get(id) ?? id);
}
