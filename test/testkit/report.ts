/**
 * Prints a figure a suite measured along the way (times, counts), for the issue notes. Tests assert
 * behaviour, never these figures: the benchmarks (`pnpm bench`) are where speed is judged.
 */
export function reportFigure(...parts: unknown[]): void {
  process.stdout.write(`[figure] ${parts.map(String).join(' ')}\n`);
}
