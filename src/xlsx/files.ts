/** Reading and writing workbook files for the command line. */
import { constants, promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';
// @ts-expect-error -- JSZip's internals have no type declarations (see zlibCompressed)
import JSZipCompressedObject from 'jszip/lib/compressedObject';
// @ts-expect-error -- as above
import jszipCompressions from 'jszip/lib/compressions';
import { once } from 'events';
import * as zlib from 'zlib';
import { DamagedWorkbook, openWorkbook, type OpenedWorkbook } from './open';
import { MAX_FILE_BYTES, type FileProblemKind } from './file-problems';
import { NotAWorkbook } from './package';

export { MAX_FILE_BYTES };

/** A file that cannot be read or written, sorted into what the user can do about it. */
export class FileProblem extends Error {
  constructor(
    readonly kind: FileProblemKind,
    readonly file: string,
    /** The system's error code (ENOENT, EACCES, …) where there was one. */
    readonly code?: string,
    readonly bytes?: number,
  ) {
    super(`${kind}: ${file}${code ? ` (${code})` : ''}`);
  }
}

const codeOf = (error: unknown): string | undefined => (error as { code?: string })?.code;

function readProblem(error: unknown, file: string): FileProblem {
  const code = codeOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileProblem('missing', file, code);
  if (code === 'EACCES' || code === 'EPERM') return new FileProblem('noPermission', file, code);
  if (code === 'EISDIR') return new FileProblem('directory', file, code);
  return new FileProblem('unreadable', file, code);
}

/**
 * The file's bytes. Opened without blocking and checked to be a regular file
 * first, so a named pipe or a device (/dev/zero) is refused, never waited on.
 */
export async function readWorkbookBytes(file: string): Promise<Uint8Array> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw readProblem(error, file);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new FileProblem('directory', file);
    if (!stat.isFile()) throw new FileProblem('notRegular', file);
    if (stat.size > MAX_FILE_BYTES) throw new FileProblem('tooLarge', file, undefined, stat.size);
    const data = new Uint8Array(stat.size);
    let read = 0;
    while (read < stat.size) {
      const { bytesRead } = await handle.read(data, read, stat.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return data.subarray(0, read);
  } catch (error) {
    throw error instanceof FileProblem ? error : readProblem(error, file);
  } finally {
    await handle.close();
  }
}

/** A workbook read from a file, with the file's bytes: the lossless copy is written into them. */
export interface WorkbookFile extends OpenedWorkbook {
  bytes: Uint8Array;
}

/** Reads a workbook file; every failure is a FileProblem. */
export async function readWorkbookFile(file: string): Promise<WorkbookFile> {
  const data = await readWorkbookBytes(file);
  try {
    return { ...(await openWorkbook(data)), bytes: data };
  } catch (error) {
    if (error instanceof NotAWorkbook) throw new FileProblem(error.kind, file);
    if (error instanceof DamagedWorkbook) throw new FileProblem('damaged', file);
    throw error;
  }
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  return (await readWorkbookFile(file)).workbook;
}

/** Writes a workbook made through ExcelJS (the template). */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await saveBytes(async () => new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), file);
}

/**
 * Writes beside the target first and renames, so a failed write leaves no half
 * file (and no file at all where there was none). Failures are FileProblems.
 */
export async function saveBytes(bytes: () => Promise<Uint8Array>, file: string): Promise<void> {
  const existing = await fs.stat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw new FileProblem('cannotWrite', file, 'EISDIR');
  const buffer = await bytes();
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.rm(temporary, { force: true });
    await fs.writeFile(temporary, buffer, { flag: 'wx' });
    await fs.rename(temporary, file);
  } catch (error) {
    throw new FileProblem('cannotWrite', file, codeOf(error));
  } finally {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
  }
}

export { newWorkbook } from './cells';

/* JSZip has no public way to add a part already compressed; its CompressedObject (what it keeps for a
   part read from a file, and copies unchanged into the zip it writes) is that way. Node's zlib deflates
   the output sheets several times faster than JSZip's JavaScript deflate. */
const CompressedObject = JSZipCompressedObject as new (
  compressedSize: number,
  uncompressedSize: number,
  crc32: number,
  compression: unknown,
  data: Uint8Array,
) => unknown;
const DEFLATE = (jszipCompressions as { DEFLATE: unknown }).DEFLATE;

/**
 * A part deflated by zlib as its blocks come (the whole part is never in memory
 * uncompressed), put into the zip as JSZip puts a part it read (see package-writer's CompressedPart).
 */
export async function zlibCompressed(zip: JSZip, entry: string, blocks: Iterable<Uint8Array>): Promise<boolean> {
  const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (typeof crc32 !== 'function') return false;
  // Level 1: a sheet of 150.000 rows deflates about three times faster than at 6, for a tenth more bytes.
  const deflate = zlib.createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  for (const block of blocks) {
    crc = crc32(block, crc);
    size += block.length;
    if (!deflate.write(block)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  const deflated = Buffer.concat(chunks);
  const part = new CompressedObject(deflated.length, size, crc, DEFLATE, deflated);
  zip.file(entry, part as unknown as Uint8Array, { binary: true, createFolders: false });
  return true;
}
