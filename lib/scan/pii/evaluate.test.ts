import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS_PATH, evaluate, formatEvaluation, loadCorpus, type CorpusRecord } from "./evaluate.ts";

const STRUCTURED = ["EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "URL", "DATE_TIME"] as const;

describe("evaluate", () => {
  it("counts span matches by type with IoU ≥ 0.5, one to one", () => {
    const records: CorpusRecord[] = [
      {
        id: "a",
        split: "test",
        source: "test",
        // The SSN is a decoy (area 666): a gold span the scanner must miss. The URL is unlabelled: a false positive.
        text: "mail jo@example.com, ssn 666-12-3456, see www.example.com",
        spans: [
          { type: "EMAIL_ADDRESS", start: 5, end: 19 },
          { type: "US_SSN", start: 25, end: 36 },
        ],
      },
    ];
    const result = evaluate(records);
    expect(result.byType).toEqual([
      { type: "EMAIL_ADDRESS", gold: 1, predicted: 1, truePositives: 1, precision: 1, recall: 1, f1: 1 },
      { type: "URL", gold: 0, predicted: 1, truePositives: 0, precision: 0, recall: 1, f1: 0 },
      { type: "US_SSN", gold: 1, predicted: 0, truePositives: 0, precision: 1, recall: 0, f1: 0 },
    ]);
    expect(result.misses.map((m) => [m.kind, m.type])).toEqual([
      ["false_positive", "URL"],
      ["false_negative", "US_SSN"],
    ]);
  });
});

describe("labelled corpus (corpus/pii-corpus.jsonl: Debian README sentences with inserted entities and decoys)", () => {
  const corpus = loadCorpus();

  it("is small, split in halves, with spans inside their texts", () => {
    expect(statSync(CORPUS_PATH).size).toBeLessThan(500 * 1024);
    expect(corpus.filter((r) => r.split === "test")).toHaveLength(corpus.length / 2);
    for (const record of corpus) {
      const length = [...record.text].length;
      for (const span of record.spans) expect(span.start >= 0 && span.start < span.end && span.end <= length, record.id).toBe(true);
    }
  });

  it.each(["test", "dev"] as const)("reaches precision and recall ≥ 0.9 for every structured type on the %s split", (split) => {
    const result = evaluate(loadCorpus(split));
    console.log(formatEvaluation(result, `PII corpus, ${split} split, minScore 0.5`));
    for (const type of STRUCTURED) {
      const scores = result.byType.find((s) => s.type === type);
      expect(scores, type).toBeDefined();
      expect(scores!.gold, type).toBeGreaterThan(50);
      expect(scores!.precision, `${type} precision`).toBeGreaterThanOrEqual(0.9);
      expect(scores!.recall, `${type} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("reports PERSON and LOCATION (word-list heuristics, no NER model) without a threshold", () => {
    const result = evaluate(loadCorpus("test"));
    for (const type of ["PERSON", "LOCATION"] as const) {
      const s = result.byType.find((x) => x.type === type)!;
      console.log(`${type} on the test split: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (${s.truePositives}/${s.gold} gold, ${s.predicted} predicted)`);
      // Only that they are measured, not that they are good.
      expect(s.gold).toBeGreaterThan(50);
    }
  });
});
