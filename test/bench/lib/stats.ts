// Small helpers shared by the benchmarks: percentiles, aligned tables, the machine's description.
import { cpus, totalmem } from 'node:os'

/** The p-th percentile (0–100) of `values`, nearest-rank method. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export const ms = (value: number, digits = 2) =>
  Number.isFinite(value) ? value.toFixed(digits) : '–'

/** Prints rows as a table with right-aligned columns after the first. */
export function table(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String))
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)))
  return cells
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
    )
    .join('\n')
}

export function machine(): string {
  const cpu = cpus()
  const model = cpu[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU'
  return `${cpu.length} × ${model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`
}
