/**
 * Reading an uploaded XLSX (a ZIP archive) without trusting it. Before anything is inflated the
 * central directory is read and checked against caps: how many parts, the declared unpacked size of
 * each and of all, and how many times each part is packed. Parts are then found only through the
 * central directory (never by scanning local headers) and inflated as a stream whose output is
 * counted: a part that unpacks to more than it declared, or more than the cap, stops at once.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ImportFileError, ImportLimitError } from '../../../core/plans/import-table.js';

export interface ZipLimits {
  /** Most bytes all parts together may unpack to (declared, and then counted). */
  maxExpandedBytes: number;
  /** Most parts (files) in the archive. */
  maxEntries: number;
  /** Most times a part larger than 1 MB may be packed (unpacked ÷ packed bytes). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxExpandedBytes: 100 * 1024 * 1024,
  maxEntries: 2_000,
  maxRatio: 200,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const MB = 1024 * 1024;
const RATIO_FLOOR = MB;

const damaged = () =>
  new ImportFileError(
    'The XLSX file could not be opened. Save it again from Excel or LibreOffice, or upload it as CSV UTF-8.',
  );

export const tooLarge = (maxExpandedBytes: number) =>
  new ImportLimitError(
    `The workbook expands to more than ${Math.round(maxExpandedBytes / MB)} MB of data; split it into smaller files, or save only the sheet to import as CSV UTF-8.`,
  );

/** Finds the end-of-central-directory record (it sits in the last 64 KB + 22 bytes). */
function endOfDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw damaged();
}

/**
 * The parts of the archive as its central directory declares them, checked against the caps.
 * Throws ImportLimitError for a file over a cap, ImportFileError for one that is not a ZIP.
 */
export function inspectZip(input: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 22) throw damaged();
  const eocd = endOfDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: only archives far larger than any upload need it.
    throw tooLarge(limits.maxExpandedBytes);
  }
  if (count > limits.maxEntries) {
    throw new ImportLimitError(
      `The workbook holds more than ${limits.maxEntries.toLocaleString('en')} parts; keep only the sheet to import, or save it as CSV UTF-8.`,
    );
  }
  if (offset + size > eocd) throw damaged();
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== 0x02014b50) throw damaged();
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeaderOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) {
      throw new ImportFileError(
        'The workbook is protected with a password; remove the password and upload it again.',
      );
    }
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      throw tooLarge(limits.maxExpandedBytes);
    }
    total += uncompressedSize;
    if (uncompressedSize > limits.maxExpandedBytes || total > limits.maxExpandedBytes) {
      throw tooLarge(limits.maxExpandedBytes);
    }
    if (
      uncompressedSize > RATIO_FLOOR &&
      uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)
    ) {
      throw new ImportLimitError(
        `A part of the workbook (${name}) unpacks to ${Math.round(uncompressedSize / Math.max(compressedSize, 1))} times its size, far more than a spreadsheet does; it is not read. Save the workbook again from Excel or LibreOffice, or upload it as CSV UTF-8.`,
      );
    }
    if (method !== 0 && method !== 8) throw damaged();
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return entries;
}

/**
 * The bytes of one part, inflated as a stream in chunks. Stops with ImportLimitError as soon as the
 * output passes what the part declared (or `cap`, if smaller): declared sizes are never trusted.
 * `maxExpandedBytes` is the workbook's cap named in the message (`cap` may be what is left of it).
 */
export async function* readEntry(
  input: Uint8Array,
  entry: ZipEntry,
  cap: number,
  maxExpandedBytes = cap,
): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw damaged();
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged();
  const limit = Math.min(entry.uncompressedSize, cap);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > limit) throw tooLarge(maxExpandedBytes);
    for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
    return;
  }
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
    })(),
    { objectMode: false },
  );
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  source.pipe(inflate);
  let produced = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > limit) throw produced > cap ? tooLarge(maxExpandedBytes) : lyingSize(entry);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw damaged();
  } finally {
    source.destroy();
    inflate.destroy();
  }
}

const lyingSize = (entry: ZipEntry) =>
  new ImportLimitError(
    `A part of the workbook (${entry.name}) unpacks to more than the ${entry.uncompressedSize.toLocaleString('en')} bytes it declares; it is not read. Save the workbook again from Excel or LibreOffice, or upload it as CSV UTF-8.`,
  );
