// The membership figures of audits, through the audits area's contract (readMembershipEvidence).
import { readMembershipEvidence } from "../audit/run/index.ts";

export interface MembershipFigures {
  auc: number | null;
  tprAtFpr: { "0.001": number | null; "0.01": number | null };
  epsilonLowerBound: number | null;
}

/** The figures of one audit's stored results; null for results without membership evidence. */
export function readMembershipFigures(results: unknown): MembershipFigures | null {
  const evidence = readMembershipEvidence(results);
  return evidence ? { auc: evidence.auc, tprAtFpr: { ...evidence.tprAtFpr }, epsilonLowerBound: evidence.epsilonLowerBound } : null;
}

/** The worst figure of each kind across audits (the strongest attack counts); null where none measured it. */
export function worstMembershipFigures(all: MembershipFigures[]): MembershipFigures | null {
  if (all.length === 0) return null;
  const max = (values: (number | null)[]) => values.reduce<number | null>((worst, v) => (v === null ? worst : worst === null ? v : Math.max(worst, v)), null);
  return {
    auc: max(all.map((f) => f.auc)),
    tprAtFpr: { "0.001": max(all.map((f) => f.tprAtFpr["0.001"])), "0.01": max(all.map((f) => f.tprAtFpr["0.01"])) },
    epsilonLowerBound: max(all.map((f) => f.epsilonLowerBound)),
  };
}
