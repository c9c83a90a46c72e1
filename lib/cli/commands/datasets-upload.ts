import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import type { Command } from "commander";
import type { Serialized } from "../../api/index.ts";
import { uploadVersionQuerySchema } from "../../datasets/index.ts";
import { formatBytes } from "../../format/index.ts";
import type { JobView as QueueJobView } from "../../queue/index.ts";
import { ApiClient } from "../api-client.ts";
import { CliError, printResult, type OutputOptions } from "../output.ts";
import { createProgressBar, type ProgressBar } from "../progress-bar.ts";
import { parseFlags } from "../zod-flags.ts";

interface VersionView {
  id: string;
  version: number;
  sha256: string;
  sizeBytes: string;
  status: string;
  rowCount: number | null;
  error: string | null;
}

/** A job as GET /api/v1/jobs/{id} answers it. */
type JobView = Serialized<QueueJobView>;

interface UploadOptions extends OutputOptions {
  parents?: string;
  transformation?: string;
  notes?: string;
  wait?: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  ".csv": "text/csv",
  ".jsonl": "application/x-ndjson",
  ".ndjson": "application/x-ndjson",
  ".txt": "text/plain",
};
const FINISHED = new Set(["completed", "failed", "cancelled"]);

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`${path} is not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The file as a web stream, counting bytes into the progress bar as they are read. */
function countedStream(path: string, size: number, bar: ProgressBar): ReadableStream<Uint8Array> {
  const name = basename(path);
  async function* chunks() {
    let sent = 0;
    for await (const chunk of createReadStream(path)) {
      sent += (chunk as Buffer).length;
      bar.update(size === 0 ? 1 : sent / size, `uploading ${name} (${formatBytes(sent)} of ${formatBytes(size)})`);
      yield chunk as Buffer;
    }
  }
  return Readable.toWeb(Readable.from(chunks())) as ReadableStream<Uint8Array>;
}

/** Polls the job every `intervalMs` until it completes, fails or is cancelled. */
export async function waitForJob(client: ApiClient, jobId: string, bar: ProgressBar, intervalMs = 1000): Promise<JobView> {
  for (;;) {
    const job = await client.get<JobView>(`/api/v1/jobs/${encodeURIComponent(jobId)}`);
    bar.update(job.progress / 100, `${job.name} ${job.status}${job.progressMessage ? `: ${job.progressMessage}` : ""}`);
    if (FINISHED.has(job.status)) return job;
    await sleep(intervalMs);
  }
}

/** `canary datasets upload <name> <file> [--parents id,id] [--wait] [--json]`. */
export function registerDatasetUploadCommand(group: Command): void {
  group
    .command("upload <name> <file>")
    .description("upload a file as the dataset's next immutable version (streamed)")
    .option("--parents <ids>", "comma-separated ids of the versions this one derives from")
    .option("--transformation <text>", "how it was derived from its parents")
    .option("--notes <text>", "notes on this version")
    .option("--wait", "wait until ingestion finishes, showing its progress; exit 1 if it fails")
    .option("--json", "print the version and its job as JSON")
    .action(async (name: string, file: string, options: UploadOptions) => {
      const query = parseFlags(
        uploadVersionQuerySchema,
        { filename: basename(file), parents: options.parents, transformation: options.transformation, notes: options.notes },
        { filename: "<file>" },
      );
      const size = await fileSize(file);
      const client = new ApiClient();
      const bar = createProgressBar();
      const path = `/api/v1/datasets/${encodeURIComponent(name)}/versions`;
      let result: { version: VersionView; job: JobView };
      try {
        result = await client.request("POST", path, {
          query: { filename: query.filename, parents: query.parents.join(","), transformation: query.transformation, notes: query.notes },
          stream: countedStream(file, size, bar),
          contentType: CONTENT_TYPES[extname(file).toLowerCase()],
        });
      } finally {
        bar.done();
      }
      const uploaded = `uploaded ${name} v${result.version.version} (${formatBytes(result.version.sizeBytes)}, sha256 ${result.version.sha256.slice(0, 12)}…)`;
      if (!options.wait) {
        printResult(options, result, () => `${uploaded}; ingest job ${result.job.id} ${result.job.status}`);
        return;
      }
      let job: JobView;
      try {
        job = await waitForJob(client, result.job.id, bar);
      } finally {
        bar.done();
      }
      const version = await client.get<VersionView>(`${path}/${result.version.version}`);
      printResult(options, { version, job }, () =>
        job.status === "completed" ? `${uploaded}; ingested: ${version.rowCount ?? "?"} records, status ${version.status}` : uploaded,
      );
      if (job.status !== "completed") throw new CliError(`ingestion ${job.status}: ${job.error ?? version.error ?? "no reason given"}`);
    });
}
