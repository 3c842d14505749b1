const MODE_NOUNS: Readonly<Record<string, readonly [string, string]>> = {
  crash: ['crash', 'crashes'],
  hang: ['hang', 'hangs'],
  memory: ['out of memory', 'out of memory'],
  loss: ['silent loss', 'silent losses'],
};

/** Failures of a mode, counted in words: `1 crash`, `11 hangs`, `2 out of memory`. */
export function modeCount(mode: string, n: number): string {
  const [one, many] = MODE_NOUNS[mode] ?? [mode, mode];
  return `${n} ${n === 1 ? one : many}`;
}
