import { z } from "zod";
import { getDb } from "@/lib/db";
import { type ArtifactBundle, artifactBundleSchema, getModelVersionArtifactKey } from "@/lib/models";
import { openBlob } from "@/lib/storage";
import { AppError } from "@/lib/errors";

const paramsSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });

/** A version's stored bundle: the raw bytes (for download) and parsed (for model.json / weights.bin). */
export async function readArtifact(params: { name: string; version: string }): Promise<{ raw: Buffer; bundle: ArtifactBundle; name: string; version: number; sha256: string }> {
  const { name, version } = paramsSchema.parse(params);
  const { key, sha256 } = await getModelVersionArtifactKey(getDb(), name, version);
  const chunks: Buffer[] = [];
  for await (const chunk of openBlob(key)) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const parsed = artifactBundleSchema.safeParse(JSON.parse(raw.toString("utf8")));
  if (!parsed.success) throw new AppError("internal", "the stored model artifact is not a bundle");
  return { raw, bundle: parsed.data, name, version, sha256 };
}
