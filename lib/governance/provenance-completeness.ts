import type { ConsentBasis } from "../db/index.ts";

/** The dataset fields provenance is judged on; null, undefined and blank strings count as missing. */
export interface ProvenanceFields {
  source?: string | null;
  collectionMethod?: string | null;
  consentBasis?: ConsentBasis | null;
  licenseExpression?: string | null;
  ownerId?: string | null;
  collectionPeriodStart?: Date | string | null;
  collectionPeriodEnd?: Date | string | null;
  retention?: string | null;
  description?: string | null;
}

export type ProvenanceField = keyof ProvenanceFields;

/**
 * Weights in percent, summing to 100. The legal basis for processing weighs most (GDPR art. 6 and 30(1)(c)-(f)
 * records); where the data came from, how it was gathered and under what license decide whether it may be
 * used at all; an owner and a retention period make someone answerable and bound deletion (art. 5(1)(e));
 * the collection period and the free-text description help but decide little on their own.
 */
export const PROVENANCE_WEIGHTS: Readonly<Record<ProvenanceField, number>> = {
  consentBasis: 20,
  source: 15,
  collectionMethod: 15,
  licenseExpression: 15,
  ownerId: 10,
  retention: 10,
  collectionPeriodStart: 5,
  collectionPeriodEnd: 5,
  description: 5,
};

export interface ProvenanceCompleteness {
  /** Sum of the present fields' weights, 0..1. */
  score: number;
  missing: ProvenanceField[];
  present: ProvenanceField[];
}

// Values that are recorded but say nothing: an unknown consent basis, an unknown or unasserted license.
const UNINFORMATIVE: Partial<Record<ProvenanceField, ReadonlySet<string>>> = {
  consentBasis: new Set(["unknown"]),
  licenseExpression: new Set(["LicenseRef-Unknown", "NOASSERTION", "NONE"]),
};

/**
 * How complete a dataset's provenance record is, weighted by PROVENANCE_WEIGHTS. Fields are listed in the
 * order of the weights, heaviest first.
 *
 * @example provenanceCompleteness({ source: "CRM", consentBasis: "unknown" }) // { score: 0.15, present: ["source"], missing: [...] }
 */
export function provenanceCompleteness(dataset: ProvenanceFields): ProvenanceCompleteness {
  const present: ProvenanceField[] = [];
  const missing: ProvenanceField[] = [];
  let percent = 0;
  for (const field of Object.keys(PROVENANCE_WEIGHTS) as ProvenanceField[]) {
    if (isPresent(field, dataset[field])) {
      present.push(field);
      percent += PROVENANCE_WEIGHTS[field];
    } else {
      missing.push(field);
    }
  }
  // Integer percent then one division, so a full record scores exactly 1.
  return { score: percent / 100, missing, present };
}

function isPresent(field: ProvenanceField, value: ProvenanceFields[ProvenanceField]): boolean {
  if (value === null || value === undefined) return false;
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  const text = value.trim();
  return text !== "" && !UNINFORMATIVE[field]?.has(text);
}
