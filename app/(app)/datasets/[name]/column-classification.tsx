// Which columns hold which kind of personal data, from the latest PII scan (masked samples only).
import { formatCount } from "@/lib/format";
import { formatRate } from "./governance-types";

interface Classified {
  field: string;
  type: string;
  coverage: number;
  valuesWithEntity: number;
  nonEmptyValues: number;
  samples: string[];
}

export function ColumnClassification({ columns }: { columns: Classified[] }) {
  if (columns.length === 0) return <p className="muted">No column holds personal data the scan recognises.</p>;
  return (
    <table className="table" data-testid="column-classification">
      <thead>
        <tr>
          <th>Column</th>
          <th>Entity</th>
          <th className="num">Coverage</th>
          <th>Masked samples</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr key={`${c.field} ${c.type}`}>
            <td className="mono">{c.field}</td>
            <td className="mono">{c.type}</td>
            <td className="num" title={`${formatCount(c.valuesWithEntity)} of ${formatCount(c.nonEmptyValues)} values`}>
              {formatRate(c.coverage)}
            </td>
            <td className="mono">{c.samples.join(", ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
