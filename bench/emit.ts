// Shared by every benchmark: one JSON object per line ({name, value, unit[, peer, peer_value, ratio]}).

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peer_value?: number;
  ratio?: number;
}

export type Emit = (m: Measurement) => void;

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Prints a measurement; `ratio` = value / peer_value, computed here so every line agrees. */
export const emit: Emit = (m) => {
  const out: Measurement = { ...m, value: round(m.value) };
  if (m.peer_value !== undefined) {
    out.peer_value = round(m.peer_value, 3);
    out.ratio = round(m.value / m.peer_value, 4);
  }
  console.log(JSON.stringify(out));
};

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
