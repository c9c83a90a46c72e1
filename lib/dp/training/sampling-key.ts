import { createHash } from "node:crypto";

/**
 * A private run's batch-sampling key: 32 bytes from the OS's CSPRNG, base64. It lives only in the
 * run's checkpoint (so a resumed run replays its batches) and never in its config, model, job,
 * logs or API views: whoever knows it and the row order knows every batch, and subsampling then
 * amplifies nothing (the accountants assume the sample is secret; Abadi et al. 2016,
 * arXiv:1607.00133, sec. 3.1; Mironov et al. 2019, arXiv:1908.10530, sec. 3).
 */
export function newSamplingKey(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
}

/**
 * The sampling key of a non-private run (public pretraining, the baseline, non-private shadow
 * models): derived from `seed`, so those runs stay reproducible. They promise no guarantee that a
 * secret sample would amplify.
 */
export function publicSamplingKey(seed: number): string {
  return createHash("sha256").update(`canary:public-sampling:${seed}`).digest("base64");
}
