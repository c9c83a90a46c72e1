// A thin determinate or indeterminate bar; the value is also exposed to assistive technology.
interface ProgressBarProps {
  /** 0–100; `null` draws an indeterminate bar (e.g. waiting for a worker to pick the job up). */
  value: number | null;
  tone?: "accent" | "ok" | "danger";
  /** Shown under the bar, e.g. the job's progress message. */
  message?: string;
  label?: string;
  showValue?: boolean;
}

export function ProgressBar({ value, tone = "accent", message, label = "Progress", showValue = true }: ProgressBarProps) {
  const clamped = value === null ? null : Math.max(0, Math.min(100, Math.round(value)));
  const classes = ["progress", tone !== "accent" ? `progress-${tone}` : "", clamped === null ? "progress-indeterminate" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div>
      <div className={classes}>
        <div
          className="progress-track"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={clamped ?? undefined}
          aria-valuetext={message ?? (clamped === null ? "Waiting" : `${clamped}%`)}
        >
          <div className="progress-fill" style={{ width: `${clamped ?? 0}%` }} />
        </div>
        {showValue ? <span className="progress-label">{clamped === null ? "" : `${clamped}%`}</span> : null}
      </div>
      {message ? <div className="progress-message">{message}</div> : null}
    </div>
  );
}
