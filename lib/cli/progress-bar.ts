// A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal, so
// logs and pipes never fill with carriage returns.

export interface ProgressBar {
  update(fraction: number, label: string): void;
  done(): void;
}

const WIDTH = 30;

export function renderProgressBar(fraction: number, label: string): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const filled = Math.round(clamped * WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(Math.floor(clamped * 100)).padStart(3)}% ${label}`;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  let drawn = false;
  return {
    update(fraction, label) {
      const columns = stream.columns || 80;
      stream.write(`\r${renderProgressBar(fraction, label).slice(0, columns - 1).padEnd(columns - 1)}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
