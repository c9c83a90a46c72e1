import type { TrainingData } from "../../../dp/index.ts";
import { scoresFromLogits, type Classifier } from "../../attacks/index.ts";

export function classifierScores(classifier: Classifier, data: TrainingData, kind: Parameters<typeof scoresFromLogits>[3]): Float64Array {
  return scoresFromLogits(classifier.logits(data), data.labels, classifier.numClasses, kind);
}
