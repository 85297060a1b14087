// Enough of the zip format to read an xlsx's parts in tests.
import { inflateRawSync } from 'node:zlib';

/**
 * One file of the zip as text, found through the central directory (the streamed entries' local
 * headers carry no sizes). Enough of the zip format for an xlsx: stored or deflated entries.
 */
export function zipEntry(zip: Buffer, name: string): string {
  const entry = zipEntries(zip).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not in the workbook`);
  return entry.text();
}

/** Every file of the zip, in central directory order. */
export function zipEntries(zip: Buffer): { name: string; text: () => string }[] {
  const entries: { name: string; text: () => string }[] = [];
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let index = zip.readUInt16LE(end + 10); index > 0; index -= 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
    const deflated = zip.readUInt16LE(at + 10) === 8;
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, ''),
      text: () => (deflated ? inflateRawSync(data) : data).toString('utf8'),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}
