import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

export const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'raaderum-'));

/** The sample workbook's sheets after a run: its own four, then the three output sheets. */
export const SAMPLE_SHEETS_AFTER_RUN = ['Hørsholm', 'Faxe', 'København', 'Scenarier', 'Resultat', 'Råderum', 'Sammenligning'];
