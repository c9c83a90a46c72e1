import { scanText } from "./scan-text.ts";
import type { PiiEntity, Recognizer } from "./types.ts";

/** A labelled entity in a corpus text, in code point offsets. */
export interface GoldSpan {
  type: PiiEntity;
  start: number;
  end: number;
}

/** One labelled text of fixtures/pii-corpus.jsonl (built by scripts/build-pii-corpus.ts). */
export interface CorpusRecord {
  id: string;
  /** "dev" records were looked at while tuning the heuristics; "test" records were not. */
  split: "dev" | "test";
  /** The /usr/share/doc file the base sentence came from. */
  source: string;
  text: string;
  spans: GoldSpan[];
}

export interface TypeScores {
  type: PiiEntity;
  gold: number;
  predicted: number;
  truePositives: number;
  /** truePositives / predicted; 1 when nothing was predicted. */
  precision: number;
  /** truePositives / gold; 1 when there is no gold span. */
  recall: number;
  f1: number;
}

export interface EvaluationMiss {
  record: string;
  kind: "false_positive" | "false_negative";
  type: PiiEntity;
  text: string;
}

export interface Evaluation {
  records: number;
  byType: TypeScores[];
  misses: EvaluationMiss[];
}

export interface EvaluateOptions {
  /** @defaultValue 0.5, as scan pii */
  minScore?: number;
  recognizers?: readonly Recognizer[];
  /** Smallest intersection-over-union of character ranges for a prediction to match a gold span. @defaultValue 0.5 */
  minOverlap?: number;
}

/**
 * Precision and recall per entity type of scanText over labelled records. A prediction matches a gold span
 * of the same type when their ranges overlap with IoU ≥ minOverlap, one to one (span-level, as in
 * Presidio's evaluator's entity mode; boundaries need not be exact: "Dr. Anna Weber" vs "Anna Weber").
 * Runs in O(records × spans²).
 */
export function evaluate(records: readonly CorpusRecord[], options: EvaluateOptions = {}): Evaluation {
  const minOverlap = options.minOverlap ?? 0.5;
  if (!(minOverlap > 0 && minOverlap <= 1)) throw new Error(`evaluate: minOverlap must be in (0, 1], got ${minOverlap}`);
  const counts = new Map<PiiEntity, { gold: number; predicted: number; tp: number }>();
  const count = (type: PiiEntity) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { gold: 0, predicted: 0, tp: 0 }));
    return c;
  };
  const misses: EvaluationMiss[] = [];
  for (const record of records) {
    const predicted = scanText(record.text, { minScore: options.minScore, recognizers: options.recognizers });
    const chars = [...record.text];
    const matchedGold = new Set<number>();
    for (const p of predicted) {
      count(p.type).predicted++;
      const g = record.spans.findIndex((gold, i) => !matchedGold.has(i) && gold.type === p.type && iou(gold, p) >= minOverlap);
      if (g >= 0) {
        matchedGold.add(g);
        count(p.type).tp++;
      } else {
        misses.push({ record: record.id, kind: "false_positive", type: p.type, text: chars.slice(p.start, p.end).join("") });
      }
    }
    record.spans.forEach((gold, i) => {
      count(gold.type).gold++;
      if (!matchedGold.has(i)) misses.push({ record: record.id, kind: "false_negative", type: gold.type, text: chars.slice(gold.start, gold.end).join("") });
    });
  }
  const byType = [...counts.entries()]
    .map(([type, c]): TypeScores => {
      const precision = c.predicted === 0 ? 1 : c.tp / c.predicted;
      const recall = c.gold === 0 ? 1 : c.tp / c.gold;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return { type, gold: c.gold, predicted: c.predicted, truePositives: c.tp, precision, recall, f1 };
    })
    .sort((a, b) => (a.type < b.type ? -1 : 1));
  return { records: records.length, byType, misses };
}

/** A plain-text table of the scores, for test logs and the report. */
export function formatEvaluation(evaluation: Evaluation, title: string): string {
  const rows = evaluation.byType.map(
    (s) => `${s.type.padEnd(14)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.truePositives).padStart(5)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}`,
  );
  return [`${title} (${evaluation.records} records)`, `${"type".padEnd(14)} ${"gold".padStart(5)} ${"pred".padStart(5)} ${"tp".padStart(5)}  prec.  recall  f1`, ...rows].join("\n");
}

function iou(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const intersection = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : intersection / union;
}
