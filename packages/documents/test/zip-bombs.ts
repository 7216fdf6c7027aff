import { constants, deflateRawSync } from 'node:zlib';

/** One entry of a hand-made zip: its name, compressed bytes and what its directory declares. */
interface RawEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  size: number;
  /** Where the directory says the entry's local header is (to build overlapping entries). */
  offset?: number;
}

/** Writes a zip whose directory says exactly what the entries declare (true or not). */
export function rawZip(entries: RawEntry[], { reuseFirstData = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const firstOffset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const at = reuseFirstData && i > 0 ? firstOffset : offset;
    if (!(reuseFirstData && i > 0)) {
      locals.push(local, name, e.data);
      offset += 30 + name.length + e.data.length;
    }
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(e.offset ?? at, 42);
    central.push(dir, name);
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Raw deflate of `megabytes` MB of zeros in about a kilobyte per megabyte, without ever holding the
 * inflated bytes: full-flushed blocks of 1 MB of zeros are byte-aligned and independent, so one
 * repeated N times, then an empty final block, is a valid stream.
 */
export function deflatedZeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), final]);
}

const contentTypes = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

/** An .xlsx-looking zip whose sheet inflates to `megabytes` MB (declared honestly, or as `declare`). */
export function zipBomb(megabytes: number, { sheet = 'xl/worksheets/sheet1.xml', declare }: { sheet?: string; declare?: number } = {}): Buffer {
  return rawZip([
    { name: '[Content_Types].xml', data: contentTypes, method: 0, size: contentTypes.length },
    { name: sheet, data: deflatedZeros(megabytes), method: 8, size: declare ?? megabytes * 1024 * 1024 },
  ]);
}
