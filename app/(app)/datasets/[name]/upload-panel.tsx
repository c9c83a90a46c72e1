"use client";
// Upload a new version: the file is streamed as the request body with XMLHttpRequest (fetch has
// no upload progress), then the ingest job is followed live until the version is ready or failed.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ChangeEvent, type DragEvent, type FormEvent } from "react";
import { formatBytes, formatCount } from "@/lib/format";
import { apiErrorFrom, type ApiError } from "../../../_components/api-client";
import type { DatasetVersionView } from "../../../_components/api-types";
import { AlertIcon, CheckIcon, FileIcon, UploadIcon } from "../../../_components/icons";
import { ProgressBar } from "../../../_components/progress-bar";
import { useJobProgress } from "../../../_components/use-job-progress";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; loaded: number; total: number }
  | { kind: "ingesting"; version: number; jobId: string }
  | { kind: "done"; version: number; rowCount: number | null }
  | { kind: "failed"; title: string; message: string; line?: number };

interface UploadResponse {
  version: { id: string; version: number; status: string; rowCount?: number | null };
  job: { id: string };
}

const sentence = (text: string) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : text);

/** What went wrong with an upload, in the user's terms; the API message names the line at fault. */
function describeUploadError(error: ApiError): { title: string; message: string; line?: number } {
  const line = typeof error.details?.line === "number" ? error.details.line : undefined;
  const described = describeByStatus(error, line);
  return { ...described, message: sentence(described.message) };
}

function describeByStatus(error: ApiError, line: number | undefined): { title: string; message: string; line?: number } {
  switch (error.status) {
    case 409:
      return { title: "This file is already a version of this dataset", message: error.message };
    case 413:
      return { title: "The file is too large", message: error.message };
    case 415:
      return { title: "Unsupported file type", message: error.message };
    case 422:
      return { title: "The file could not be read", message: error.message, line };
    case 401:
      return { title: "Your session has ended", message: "Sign in again, then retry the upload." };
    case 403:
      return { title: "Not allowed", message: error.message };
    default:
      return { title: "Upload failed", message: error.message, line };
  }
}

export function UploadPanel({ datasetName, versions }: { datasetName: string; versions: DatasetVersionView[] }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [parents, setParents] = useState<string[]>([]);
  const [transformation, setTransformation] = useState("");
  const [notes, setNotes] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const jobId = phase.kind === "ingesting" ? phase.jobId : null;
  const { job, error: pollError } = useJobProgress(jobId, {
    onSettled: (settled) => {
      router.refresh();
      setPhase((current) => {
        if (current.kind !== "ingesting") return current;
        if (settled.status === "completed") return { kind: "done", version: current.version, rowCount: null };
        return {
          kind: "failed",
          title: `Version ${current.version} could not be ingested`,
          message: sentence(settled.error || settled.progressMessage || "The ingest job failed."),
        };
      });
    },
  });

  // Once ingested, show the row count the refreshed version carries.
  const doneVersion = phase.kind === "done" ? versions.find((v) => v.version === phase.version) : undefined;

  useEffect(() => () => xhrRef.current?.abort(), []);

  function choose(next: File | null) {
    setFile(next);
    if (phase.kind === "failed" || phase.kind === "done") setPhase({ kind: "idle" });
  }

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files?.[0];
    if (dropped) choose(dropped);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const query = new URLSearchParams({ filename: file.name });
    if (parents.length > 0) query.set("parents", parents.join(","));
    if (transformation.trim()) query.set("transformation", transformation.trim());
    if (notes.trim()) query.set("notes", notes.trim());

    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", `/api/v1/datasets/${encodeURIComponent(datasetName)}/versions?${query}`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (progress) => {
      setPhase({ kind: "uploading", loaded: progress.loaded, total: progress.lengthComputable ? progress.total : file.size });
    };
    xhr.onload = () => {
      xhrRef.current = null;
      if (xhr.status === 201 || xhr.status === 200) {
        let body: UploadResponse;
        try {
          body = JSON.parse(xhr.responseText) as UploadResponse;
        } catch {
          setPhase({ kind: "failed", title: "Upload failed", message: "The server's answer could not be read." });
          return;
        }
        setFile(null);
        setParents([]);
        setTransformation("");
        setNotes("");
        if (inputRef.current) inputRef.current.value = "";
        router.refresh();
        setPhase({ kind: "ingesting", version: body.version.version, jobId: body.job.id });
        return;
      }
      setPhase({ kind: "failed", ...describeUploadError(apiErrorFrom(xhr.status, xhr.responseText)) });
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setPhase({
        kind: "failed",
        title: "Upload interrupted",
        message: "The connection was lost before the file was fully sent. Nothing was stored; try again.",
      });
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setPhase({ kind: "idle" });
    };
    setPhase({ kind: "uploading", loaded: 0, total: file.size });
    xhr.send(file);
  }

  const busy = phase.kind === "uploading" || phase.kind === "ingesting";
  const readyParents = versions.filter((v) => v.status === "ready" || v.status === "ingesting" || v.status === "pending");

  return (
    <form className="form" onSubmit={onSubmit} data-testid="upload-panel">
      <label
        className={`file-drop${dragging ? " dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {file ? <FileIcon size={22} /> : <UploadIcon size={22} />}
        {file ? (
          <>
            <strong className="mono">{file.name}</strong>
            <span>{formatBytes(file.size)} · click to choose another file</span>
          </>
        ) : (
          <>
            <strong>Choose a file or drop it here</strong>
            <span>CSV, JSON Lines or plain text</span>
          </>
        )}
        <input
          ref={inputRef}
          type="file"
          name="file"
          className="visually-hidden"
          accept=".csv,.tsv,.jsonl,.ndjson,.txt,text/csv,application/x-ndjson,text/plain"
          disabled={busy}
          onChange={(event: ChangeEvent<HTMLInputElement>) => choose(event.target.files?.[0] ?? null)}
          data-testid="upload-file"
        />
      </label>

      {readyParents.length > 0 ? (
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="label" style={{ marginBottom: 6 }}>
            Derived from <span className="optional">(optional)</span>
          </legend>
          <div className="checkbox-list">
            {readyParents.map((v) => (
              <label key={v.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={parents.includes(v.id)}
                  disabled={busy}
                  onChange={(event) =>
                    setParents((current) => (event.target.checked ? [...current, v.id] : current.filter((id) => id !== v.id)))
                  }
                />
                v{v.version} <span className="faint">· {v.originalFilename}</span>
              </label>
            ))}
          </div>
          <span className="hint">Record lineage when this file was produced from earlier versions.</span>
        </fieldset>
      ) : null}

      {parents.length > 0 ? (
        <div className="field">
          <label htmlFor="transformation">Transformation</label>
          <input
            id="transformation"
            className="input"
            placeholder="e.g. removed rows with missing consent; hashed email column"
            value={transformation}
            disabled={busy}
            onChange={(event) => setTransformation(event.target.value)}
            maxLength={2000}
          />
        </div>
      ) : null}

      <div className="field">
        <label htmlFor="notes">
          Notes <span className="optional">(optional)</span>
        </label>
        <textarea
          id="notes"
          className="textarea"
          rows={2}
          value={notes}
          disabled={busy}
          onChange={(event) => setNotes(event.target.value)}
          maxLength={2000}
        />
      </div>

      {phase.kind === "uploading" ? (
        <div data-testid="upload-progress">
          <ProgressBar
            value={phase.total > 0 ? (phase.loaded / phase.total) * 100 : null}
            label="Upload"
            message={`Uploading ${formatBytes(phase.loaded)} of ${formatBytes(phase.total)}`}
          />
        </div>
      ) : null}

      {phase.kind === "ingesting" ? (
        <div data-testid="ingest-progress">
          <ProgressBar
            value={job && job.status !== "queued" ? job.progress : null}
            label="Ingest"
            message={
              pollError
                ? `Lost track of the ingest job: ${pollError}. The versions table keeps updating.`
                : job?.progressMessage || (job?.status === "active" ? "Ingesting…" : `Version ${phase.version} uploaded; waiting for a worker…`)
            }
          />
        </div>
      ) : null}

      {phase.kind === "done" ? (
        <div className="alert alert-success" role="status" data-testid="upload-done">
          <CheckIcon size={18} />
          <span>
            Version {phase.version} is ready
            {doneVersion?.rowCount !== undefined && doneVersion?.rowCount !== null ? `: ${formatCount(doneVersion.rowCount)} rows` : ""}.
          </span>
        </div>
      ) : null}

      {phase.kind === "failed" ? (
        <div className="alert alert-error" role="alert" data-testid="upload-error">
          <AlertIcon size={18} />
          <div>
            <div className="alert-title">{phase.title}</div>
            <div>{phase.message}</div>
            {phase.line !== undefined && !phase.message.includes(String(phase.line)) ? <div>At line {phase.line}.</div> : null}
          </div>
        </div>
      ) : null}

      <div className="form-actions">
        {phase.kind === "uploading" ? (
          <button type="button" className="btn" onClick={() => xhrRef.current?.abort()}>
            Cancel upload
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          <UploadIcon size={16} /> {phase.kind === "uploading" ? "Uploading…" : phase.kind === "ingesting" ? "Ingesting…" : "Upload version"}
        </button>
      </div>
    </form>
  );
}
