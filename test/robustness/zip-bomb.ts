// Builds a zip "bomb" for the hostile-release test: one member that is small compressed and huge
// inflated. The member is deflated from a stream of 1 MB blocks, so the test process never holds
// the inflated bytes itself.
import { createDeflateRaw } from 'node:zlib';

/** a zip with one deflated member `name` of `megabytes` MB of the letter A */
export async function zipBomb(name: string, megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const block = Buffer.alloc(1 << 20, 0x41);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(block)) await new Promise<void>((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  const data = Buffer.concat(chunks);
  const size = (megabytes * 2 ** 20) >>> 0; // the real size (mod 2^32), as an honest zip would say
  const file = Buffer.from(name, 'utf8');

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(0, 14); // crc (not checked by readers that only inflate)
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(file.length, 26);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(file.length, 28);
  central.writeUInt32LE(0, 42); // local header offset

  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

/** the same zip with its one member's uncompressed size rewritten (a lying header) */
export function withClaimedSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  out.writeUInt32LE(size >>> 0, 22); // local header at offset 0
  const central = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  out.writeUInt32LE(size >>> 0, central + 24);
  return out;
}
