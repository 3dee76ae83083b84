import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

export const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'raaderum-'));
