import { z } from "zod";
import { AppError } from "@/lib/errors";
import { type ArtifactBundle, maxModelBytes, modelJsonToBundle, type UploadMetadata, uploadMetadataSchema } from "@/lib/models";

// Requests pass proxy.ts, which cuts bodies at 10 MB: refuse larger ones clearly rather than read a truncated one.
const PROXY_BODY_LIMIT = 10 * 1024 ** 2;

function limit(): number {
  return Math.min(maxModelBytes(), PROXY_BODY_LIMIT);
}

function parseMetadata(value: unknown): UploadMetadata {
  const parsed = uploadMetadataSchema.safeParse(value ?? {});
  if (!parsed.success) throw new AppError("bad_request", `metadata.${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`, { field: "metadata" });
  return parsed.data;
}

function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", `${what} is not valid JSON`, { field: what });
  }
}

/**
 * The uploaded model as a bundle: multipart/form-data with `model` (model.json), `weights` (one
 * file per shard named in its weightsManifest) and optional `metadata` (JSON), or a JSON body
 * `{ bundle, metadata }`. The bundle itself is validated later, by loading it.
 */
export async function readUploadedModel(request: Request): Promise<{ bundle: ArtifactBundle; metadata: UploadMetadata }> {
  const max = limit();
  if (Number(request.headers.get("content-length") ?? 0) > max) {
    throw new AppError("payload_too_large", `the model is too large: uploads may be at most ${Math.floor(max / 1024 ** 2)} MB`, { maxBytes: max });
  }
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData();
    const model = form.get("model");
    if (!(model instanceof File)) throw new AppError("bad_request", "multipart field `model` (the model.json file) is missing", { field: "model" });
    const weights = new Map<string, Buffer>();
    for (const entry of form.getAll("weights")) {
      if (entry instanceof File) weights.set(entry.name, Buffer.from(await entry.arrayBuffer()));
    }
    const metadataField = form.get("metadata");
    const metadata = parseMetadata(typeof metadataField === "string" && metadataField.trim() ? parseJsonText(metadataField, "metadata") : {});
    return { bundle: modelJsonToBundle(parseJsonText(await model.text(), "model.json"), weights), metadata };
  }
  if (type.startsWith("application/json")) {
    const text = await request.text();
    if (Buffer.byteLength(text) > max) throw new AppError("payload_too_large", `the model is too large: uploads may be at most ${Math.floor(max / 1024 ** 2)} MB`);
    const body = z.object({ bundle: z.unknown(), metadata: z.unknown().optional() }).safeParse(parseJsonText(text, "the body"));
    if (!body.success || body.data.bundle === undefined) throw new AppError("bad_request", "a JSON upload is `{ bundle, metadata? }`", { field: "bundle" });
    return { bundle: body.data.bundle as ArtifactBundle, metadata: parseMetadata(body.data.metadata) };
  }
  throw new AppError("unsupported_media_type", "upload the model as multipart/form-data (model.json + weights) or as a JSON bundle");
}
