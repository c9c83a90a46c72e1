"use client";
// Duplicate clusters and rate from the latest duplicates scan; picking a pair fetches both records
// (masked server-side unless the role may see PII) for a side-by-side diff.
import { useState } from "react";
import { formatCount } from "@/lib/format";
import { LoadFailed } from "../../../_components/load-failed";
import { useApiQuery } from "../../../_components/use-api-query";
import { formatRate } from "./governance-types";
import { RecordDiff } from "./record-diff";

interface DuplicatesSummary {
  records: number;
  duplicateRate: number;
  pairCount: number;
  clusterCount: number;
  clusters: { size: number; minJaccard: number; records: string[] }[];
  pairs: { a: string; b: string; jaccard: number }[];
}

export function DuplicatesPanel({ summary, versionUrl }: { summary: DuplicatesSummary; versionUrl: string }) {
  const [pair, setPair] = useState<{ a: string; b: string } | null>(null);
  const { data, error, reload } = useApiQuery<{ a: RecordJson; b: RecordJson; masked: boolean }>(
    pair ? `${versionUrl}/record-pair?${new URLSearchParams(pair)}` : null,
  );
  return (
    <div className="stack-sm" data-testid="duplicates">
      <p>
        Duplicate rate <strong>{formatRate(summary.duplicateRate)}</strong>: {formatCount(summary.clusterCount)} clusters, {formatCount(summary.pairCount)} pairs
        among {formatCount(summary.records)} records.
      </p>
      {summary.clusters.length > 0 ? (
        <ul className="cluster-list">
          {summary.clusters.slice(0, 10).map((cluster) => (
            <li key={cluster.records.join(" ")}>
              {cluster.minJaccard === 1 ? "Exact" : "Near"} duplicates, {formatCount(cluster.size)} records:{" "}
              <span className="mono">
                {cluster.records.slice(0, 8).join(", ")}
                {cluster.size > 8 ? ", …" : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {summary.pairs.length > 0 ? (
        <div className="kbd-list">
          {summary.pairs.slice(0, 30).map((p) => (
            <button
              key={`${p.a} ${p.b}`}
              type="button"
              className={`chip${pair?.a === p.a && pair?.b === p.b ? " chip-selected" : ""}`}
              onClick={() => setPair({ a: p.a, b: p.b })}
              title="Compare these two records"
            >
              {p.a} ≈ {p.b} ({p.jaccard.toFixed(2)})
            </button>
          ))}
        </div>
      ) : null}
      {error ? <LoadFailed title="The records could not be loaded" error={error} onRetry={reload} /> : null}
      {data ? <RecordDiff a={data.a} b={data.b} masked={data.masked} /> : null}
    </div>
  );
}

interface RecordJson {
  id: string;
  line: number;
  fields: Record<string, string>;
}
