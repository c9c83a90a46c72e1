import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getDb } from "@/lib/db";
import { uploadDatasetVersion, uploadVersionQuerySchema } from "@/lib/datasets";
import { AppError } from "@/lib/errors";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// POST /api/v1/datasets/{name}/versions?filename=F[&parents=id,id&transformation=…&notes=…]
// The body is the file itself, streamed to storage as it arrives: never buffered in memory.
// (proxy.ts skips this path, because a proxy would buffer and truncate the body.)
export const POST = withPermission<{ name: string }>("datasets.upload", async ({ request, principal, params }) => {
  const query = uploadVersionQuerySchema.parse(queryOf(request));
  if (!request.body) throw new AppError("bad_request", "the request body must be the file's bytes; it was empty");
  const result = await uploadDatasetVersion(getDb(), principal, {
    datasetName: params.name,
    filename: query.filename,
    stream: Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>),
    parents: query.parents,
    transformation: query.transformation,
    notes: query.notes,
    contentType: request.headers.get("content-type") ?? undefined,
  });
  return jsonResponse(result, { status: 201 });
});
