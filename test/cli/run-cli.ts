/** Runs the command line in-process, and checks that input files are left byte-identical. */
import { createHash } from 'crypto';
import { copyFileSync, readFileSync } from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { tempDir } from '../helpers/files';

export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

export const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Runs `raaderum args…` on `file` and asserts the file is byte-identical afterwards. */
export async function cliOn(file: string, ...args: string[]) {
  const before = sha(file);
  const result = await cli(args[0], file, ...args.slice(1));
  expect(sha(file)).toBe(before);
  return result;
}

export const REAL = path.join(__dirname, '..', 'fixtures', 'real');

/** A committed fixture copied into a fresh folder (so outputs land beside it, not in the repository). */
export function realCopy(name: string): string {
  const file = path.join(tempDir(), name);
  copyFileSync(path.join(REAL, name), file);
  return file;
}
