import { createInflateRaw } from 'node:zlib';

/**
 * Zip-bomb guard for the .xlsx and .docx files users upload (both are zip archives). Checked
 * BEFORE any parser inflates them: the archive's directory (entry count, declared sizes, ratios,
 * overlapping entries), then every entry is inflated as a stream that is counted and thrown away,
 * stopping at the first byte over its declared size or the total budget. Memory stays at a few
 * stream buffers whatever the archive claims; only an archive that passes reaches exceljs/mammoth.
 */
export interface ArchiveLimits {
  /** Most entries an archive may have. */
  maxEntries: number;
  /** Most bytes all entries may inflate to together (declared and actual). */
  maxTotalBytes: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Highest inflated/compressed ratio of an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * Generous for real office files (a 20,000-row ledger's sheet is ~15 MB of XML; a long report a few
 * MB) and small enough that exceljs or mammoth on a file this size stays well under 300 MB.
 */
export const OFFICE_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 60 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
  maxRatio: 500,
  ratioFloorBytes: 1024 * 1024,
};

export type UnsafeArchiveReason =
  | 'NOT_ZIP'
  | 'ZIP64'
  | 'ENCRYPTED'
  | 'UNSUPPORTED_METHOD'
  | 'TOO_MANY_ENTRIES'
  | 'OVERLAPPING_ENTRIES'
  | 'ENTRY_TOO_LARGE'
  | 'TOTAL_TOO_LARGE'
  | 'RATIO_TOO_HIGH'
  | 'SIZE_MISMATCH'
  | 'CORRUPT';

/** The archive was refused before it was unpacked: `reason` says why. */
export class UnsafeArchiveError extends Error {
  constructor(
    readonly reason: UnsafeArchiveReason,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`unsafe archive: ${reason}`);
    this.name = 'UnsafeArchiveError';
  }

  /** Malformed archives are a 400; archives that are too big for us a 413. */
  get tooLarge(): boolean {
    return ['TOO_MANY_ENTRIES', 'ENTRY_TOO_LARGE', 'TOTAL_TOO_LARGE', 'RATIO_TOO_HIGH', 'SIZE_MISMATCH', 'OVERLAPPING_ENTRIES'].includes(this.reason);
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function readDirectory(bytes: Buffer, limits: ArchiveLimits): Entry[] {
  // The end-of-central-directory record sits in the last 22 + up to 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnsafeArchiveError('NOT_ZIP');
  const declaredEntries = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (declaredEntries === 0xffff || directoryOffset === 0xffffffff) throw new UnsafeArchiveError('ZIP64');
  if (declaredEntries > limits.maxEntries) throw new UnsafeArchiveError('TOO_MANY_ENTRIES', { entries: declaredEntries, max: limits.maxEntries });
  if (directoryOffset + directorySize > eocd) throw new UnsafeArchiveError('CORRUPT', { at: 'directory' });

  const entries: Entry[] = [];
  let at = directoryOffset;
  while (at < directoryOffset + directorySize) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new UnsafeArchiveError('CORRUPT', { at: 'directory entry' });
    if (entries.length >= limits.maxEntries) throw new UnsafeArchiveError('TOO_MANY_ENTRIES', { max: limits.maxEntries });
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: Entry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw new UnsafeArchiveError('ZIP64');
    entries.push(entry);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Where an entry's compressed bytes start (after its local header). */
function dataStart(bytes: Buffer, entry: Entry): number {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new UnsafeArchiveError('CORRUPT', { entry: entry.name });
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new UnsafeArchiveError('CORRUPT', { entry: entry.name });
  return start;
}

/** Inflates one entry into nothing, counting; refuses at the first byte over `cap`. */
function inflatedSize(compressed: Buffer, cap: number, entry: Entry): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      if (error) {
        inflate.destroy();
        reject(error);
      } else resolve(total);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) finish(new UnsafeArchiveError('SIZE_MISMATCH', { entry: entry.name, declared: entry.size, cap }));
    });
    inflate.on('error', (cause) => finish(new UnsafeArchiveError('CORRUPT', { entry: entry.name, cause: cause.message })));
    inflate.on('end', () => finish(null));
    inflate.end(compressed);
  });
}

/**
 * Refuses (throws UnsafeArchiveError) a zip archive that would unpack to more than the limits
 * allow, or that lies about its sizes. Resolves when every entry was inflated within its budget.
 */
export async function assertSafeZip(bytes: Buffer, limits: ArchiveLimits = OFFICE_ARCHIVE_LIMITS): Promise<void> {
  const entries = readDirectory(bytes, limits);
  let declaredTotal = 0;
  const ranges: { start: number; end: number; name: string }[] = [];
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new UnsafeArchiveError('ENCRYPTED', { entry: entry.name });
    if (entry.method !== 0 && entry.method !== 8) throw new UnsafeArchiveError('UNSUPPORTED_METHOD', { entry: entry.name, method: entry.method });
    if (entry.size > limits.maxEntryBytes) throw new UnsafeArchiveError('ENTRY_TOO_LARGE', { entry: entry.name, size: entry.size, max: limits.maxEntryBytes });
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxTotalBytes) throw new UnsafeArchiveError('TOTAL_TOO_LARGE', { max: limits.maxTotalBytes });
    if (entry.size > limits.ratioFloorBytes && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      throw new UnsafeArchiveError('RATIO_TOO_HIGH', { entry: entry.name, size: entry.size, compressedSize: entry.compressedSize, max: limits.maxRatio });
    }
    const start = dataStart(bytes, entry);
    ranges.push({ start: entry.localOffset, end: start + entry.compressedSize, name: entry.name });
  }
  // Entries sharing compressed bytes multiply a small file into a huge one (the overlapping bomb).
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.start < ranges[i - 1]!.end) throw new UnsafeArchiveError('OVERLAPPING_ENTRIES', { entry: ranges[i]!.name });
  }

  // The declared sizes are the sender's word: inflate for real, never past the declared size.
  let actualTotal = 0;
  for (const entry of entries) {
    const start = dataStart(bytes, entry);
    const compressed = bytes.subarray(start, start + entry.compressedSize);
    const size = entry.method === 0 ? compressed.length : await inflatedSize(compressed, entry.size, entry);
    if (size !== entry.size) throw new UnsafeArchiveError('SIZE_MISMATCH', { entry: entry.name, declared: entry.size, actual: size });
    actualTotal += size;
    if (actualTotal > limits.maxTotalBytes) throw new UnsafeArchiveError('TOTAL_TOO_LARGE', { max: limits.maxTotalBytes });
  }
}
