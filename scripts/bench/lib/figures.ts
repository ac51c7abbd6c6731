/** Figures of the benchmarks: order statistics and one aligned table of results against their baselines and targets. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export const median = (xs: readonly number[]) => percentile(xs, 0.5);

export interface Figure {
  what: string;
  value: number;
  unit: string;
  /** The same thing measured on the baseline in the same run, in words. */
  baseline: string;
  /** Value over baseline, when the target is a ratio. */
  ratio?: number;
  /** The target in words, and whether it was met; none for a figure only reported. */
  target?: string;
  met?: boolean;
}

export function report(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...figures.map((f) => f.what.length));
  for (const f of figures) {
    const value = `${f.value.toFixed(f.value < 10 ? 1 : 0)} ${f.unit}`.padStart(10);
    const ratio = f.ratio === undefined ? '' : `  ${f.ratio.toFixed(2)}×`;
    console.log(
      `  ${f.what.padEnd(width)} ${value}${ratio}  (baseline: ${f.baseline})  ${f.target === undefined ? 'no target: reported' : `target ${f.target} → ${f.met ? 'met' : 'NOT MET'}`}`,
    );
  }
}
