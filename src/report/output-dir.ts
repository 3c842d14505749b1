import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** `reports/<scenario>-<UTC time>`, e.g. reports/quickstart-20261123T081502Z. */
export function defaultRunDir(cwd: string, scenarioName: string, startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const safe = scenarioName.replace(/[^A-Za-z0-9._-]+/g, '-');
  return path.join(cwd, 'reports', `${safe}-${stamp}`);
}

/** Writes a file so that a reader never sees half of it: to a temporary name, then renamed. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, file);
}
