// The license verdict for every intended use, each inherited through the version's whole lineage.
import { INTENDED_USE_LABELS, labelOf } from "@/lib/format";
import type { UseVerdictJson } from "./governance-types";

const TONE = { compatible: "badge-ok", conflict: "badge-danger", unknown: "badge-warn" } as const;

export function LicenseVerdicts({ verdicts, intendedUse }: { verdicts: UseVerdictJson[]; intendedUse: string }) {
  return (
    <table className="table" data-testid="license-verdicts">
      <thead>
        <tr>
          <th>Use</th>
          <th>Verdict</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {verdicts.map((v) => (
          <tr key={v.use} data-use={v.use}>
            <td>
              {labelOf(INTENDED_USE_LABELS, v.use)}
              {v.use === intendedUse ? <span className="cell-sub">intended use</span> : null}
            </td>
            <td>
              <span className={`badge ${TONE[v.verdict]}`}>{v.verdict}</span>
            </td>
            <td>
              {v.reasons.join(" ")}
              {v.obligations.length > 0 ? <span className="cell-sub">Obligations: {v.obligations.join(", ").replaceAll("_", " ")}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
