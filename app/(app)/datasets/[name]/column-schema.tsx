// The inferred column schema of one version. Its JSON shape belongs to the ingest worker, so this
// accepts the plausible forms (a list of column objects, `{ columns: [...] }`, or name → type) and
// shows every scalar property, never sample values (they could hold personal data).
import { formatCount } from "@/lib/format";
import { columnsOf } from "./columns-of";

const HIDDEN_KEYS = /^(name|sample|samples|example|examples|values|top|topValues)$/i;

function humanKey(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replaceAll("_", " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

function display(value: unknown) {
  if (value === null || value === undefined || value === "") return <span className="faint">—</span>;
  if (typeof value === "number") return formatCount(Number.isInteger(value) ? value : Number(value.toFixed(3)));
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) {
    return value.join(", ");
  }
  return <code>{JSON.stringify(value)}</code>;
}

export function ColumnSchema({ schema }: { schema: unknown }) {
  const columns = columnsOf(schema);
  if (!columns || columns.length === 0) {
    return <p className="muted" style={{ padding: 18 }}>No column schema was recorded for this version.</p>;
  }
  const keys = Array.from(
    new Set(columns.flatMap((column) => Object.keys(column).filter((key) => !HIDDEN_KEYS.test(key)))),
  )
    .filter((key) => columns.some((column) => column[key] === null || typeof column[key] !== "object" || Array.isArray(column[key])))
    .sort((a, b) => (a === "type" ? -1 : b === "type" ? 1 : 0))
    .slice(0, 7);
  const truncated = !!schema && typeof schema === "object" && (schema as { columnsTruncated?: unknown }).columnsTruncated === true;
  return (
    <div className="table-scroll">
      {truncated ? (
        <p className="muted" style={{ padding: "10px 18px 0" }}>
          This file has more columns than the ingest records; only the first {columns.length} are listed.
        </p>
      ) : null}
      <table className="table" aria-label="Column schema">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Column</th>
            {keys.map((key) => (
              <th key={key} scope="col">
                {humanKey(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => (
            <tr key={`${column.name}-${index}`}>
              <td className="faint num" style={{ width: 40 }}>
                {index + 1}
              </td>
              <td className="cell-primary mono">{column.name}</td>
              {keys.map((key) => (
                <td key={key}>{key === "type" ? <span className="chip">{String(column[key] ?? "—")}</span> : display(column[key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
