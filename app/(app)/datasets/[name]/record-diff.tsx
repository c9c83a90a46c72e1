// Two records side by side, field by field; differing fields are marked. Values arrive already
// masked for roles without pii.unmasked (getRecordPair), so this only draws.
interface RecordJson {
  id: string;
  line: number;
  fields: Record<string, string>;
}

export function RecordDiff({ a, b, masked }: { a: RecordJson; b: RecordJson; masked: boolean }) {
  const fields = [...new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])];
  return (
    <div data-testid="record-diff">
      {masked ? <p className="hint">Personal data is masked in this comparison.</p> : null}
      <table className="table diff-table">
        <thead>
          <tr>
            <th>Field</th>
            <th>Record {a.id} (line {a.line})</th>
            <th>Record {b.id} (line {b.line})</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const differs = a.fields[field] !== b.fields[field];
            return (
              <tr key={field} className={differs ? "diff-changed" : undefined}>
                <td className="mono">{field}</td>
                <td>{a.fields[field] ?? <span className="faint">—</span>}</td>
                <td>{b.fields[field] ?? <span className="faint">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
