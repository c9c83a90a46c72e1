// The membership figures of audits, through the audits area's contract (readMembershipEvidence).
import { readMembershipEvidence, type MembershipEvidence } from "../audit/index.ts";

export interface MembershipFigures {
  auc: number | null;
  tprAtFpr: { "0.001": number | null; "0.01": number | null };
  /** Exploratory: evidence, never a verdict. */
  epsilonLowerBound: number | null;
  /** From an audit whose members were chosen at random (one-run): the only bound that can fail the claim. */
  certified: MembershipEvidence["certified"];
}

/** The figures of one audit's stored results; null for results without membership evidence. */
export function readMembershipFigures(results: unknown): MembershipFigures | null {
  const evidence = readMembershipEvidence(results);
  return evidence ? { auc: evidence.auc, tprAtFpr: { ...evidence.tprAtFpr }, epsilonLowerBound: evidence.epsilonLowerBound, certified: evidence.certified } : null;
}

/**
 * The worst figure of each kind across audits (the strongest attack counts); null where none measured
 * it. Of the certified bounds, the one furthest above the ε it tests (the audited run's, else 0) counts.
 */
export function worstMembershipFigures(all: MembershipFigures[]): MembershipFigures | null {
  if (all.length === 0) return null;
  const max = (values: (number | null)[]) => values.reduce<number | null>((worst, v) => (v === null ? worst : worst === null ? v : Math.max(worst, v)), null);
  const margin = (c: NonNullable<MembershipFigures["certified"]>) => c.epsilonLowerBound - (c.runEpsilon ?? 0);
  const certified = all.flatMap((f) => (f.certified ? [f.certified] : [])).reduce<MembershipFigures["certified"]>((worst, c) => (worst === null || margin(c) > margin(worst) ? c : worst), null);
  return {
    auc: max(all.map((f) => f.auc)),
    tprAtFpr: { "0.001": max(all.map((f) => f.tprAtFpr["0.001"])), "0.01": max(all.map((f) => f.tprAtFpr["0.01"])) },
    epsilonLowerBound: max(all.map((f) => f.epsilonLowerBound)),
    certified: certified && { ...certified },
  };
}
