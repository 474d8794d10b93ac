// Our X12 reader beside the strongest npm X12 readers and the floor, on the same bytes of the 10 MB
// 837P: one session, contenders in a shuffled order each round (a busy patch of the machine hits all
// of them), wall and CPU time per read, and our ratio to each. The npm readers are devDependencies
// used only here; one that is not installed is reported as such, never silently dropped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from '../../server/src/documents/index';
import { streamX12 } from '../../server/src/documents/x12';
import { createRng } from '../generate/prng';
import { scanFloor } from '../lib/floor';
import { summarize, type Stats } from '../lib/stats';
import { collectGarbage, now } from '../lib/timing';
import { repoRoot } from '../../test/support/paths';
import type { RunContext } from '../context';

interface Contender {
  name: string;
  /** what it builds, so the ratio is read fairly */
  builds: string;
  /** reads the file (text for string readers, bytes for stream readers); returns a count it found */
  read(text: string, bytes: Buffer): number | Promise<number>;
}

const requireFromRepo = createRequire(join(repoRoot, 'package.json'));

/** one npm reader, or the reason it cannot run (not installed, failed to load) */
async function load(name: string, make: () => Promise<Contender>): Promise<Contender | string> {
  try {
    return await make();
  } catch (e) {
    return `${name}: not run (${(e as Error).message.split('\n')[0]})`;
  }
}

async function contenders(): Promise<{ ready: Contender[]; missing: string[] }> {
  const ours: Contender = {
    name: 'ours: parseDocument (readX12)',
    builds: 'the claim model: claims, lines, spans',
    read: (text) => parseDocument(text, { languageId: 'x12', uri: 'file:///bench/readers.837' }).claims.length,
  };
  const streamed: Contender = {
    name: 'ours: streamX12, each claim dropped once handed over',
    builds: 'one claim at a time (how validation reads X12 above 16 MB)',
    read: (text) => {
      let claims = 0;
      streamX12(text, {}, () => claims++).readTo(text.length);
      return claims;
    },
  };
  const floor: Contender = {
    name: "floor: '~' and '*' offsets into an Int32Array",
    builds: 'segment and element offsets',
    read: (text) => scanFloor(text, '~', '*'),
  };
  const split: Contender = {
    name: "text.split('~') then split('*')",
    builds: 'every value as a string',
    read: (text) => text.split('~').map((s) => s.split('*')).length,
  };
  const npm = await Promise.all([
    load('@stedi/x12-tools', async () => {
      const { format } = requireFromRepo('@stedi/x12-tools') as { format(x12: string): string };
      return { name: '@stedi/x12-tools format() (Rust/WASM)', builds: 'a reformatted string, no tree', read: (text) => format(text).length };
    }),
    load('x12-parser', async () => {
      const { X12parser } = requireFromRepo('x12-parser') as { X12parser: new () => NodeJS.ReadWriteStream };
      return {
        name: 'x12-parser (stream)',
        builds: 'one object per segment, none kept',
        read: (_text, bytes) =>
          new Promise<number>((resolve, reject) => {
            const parser = new X12parser();
            let segments = 0;
            parser.on('data', () => segments++);
            parser.on('end', () => resolve(segments));
            parser.on('error', reject);
            parser.end(bytes);
          }),
      };
    }),
    load('node-x12-edi', async () => {
      // an ES module: imported by file URL so the bundler leaves it to node
      const url = pathToFileURL(requireFromRepo.resolve('node-x12-edi')).href;
      const { Transaction } = (await import(url)) as { Transaction: new () => { generateSegments(c: string, l: string, s: string): void; getSegments(): unknown[] } };
      return {
        name: 'node-x12-edi Transaction.generateSegments',
        builds: 'Segment and Field objects, all kept',
        read: (text) => {
          const t = new Transaction();
          t.generateSegments(text, '~', '*');
          return t.getSegments().length;
        },
      };
    }),
  ]);
  return {
    ready: [floor, ours, streamed, split, ...npm.filter((c): c is Contender => typeof c !== 'string')],
    missing: npm.filter((c): c is string => typeof c === 'string'),
  };
}

export async function measureReaders(ctx: RunContext): Promise<void> {
  const section = 'X12 readers on the same bytes (10 MB 837P)';
  const file = ctx.file('837p-10mb');
  const bytes = readFileSync(file.path);
  const text = bytes.toString('utf8');
  const { ready, missing } = await contenders();
  for (const m of missing) console.log(m);
  const rounds = ctx.reps(7, 2);
  const wall = new Map<Contender, number[]>(ready.map((c) => [c, []]));
  const cpu = new Map<Contender, number[]>(ready.map((c) => [c, []]));
  const rng = createRng(ctx.seed);
  for (const c of ready) await c.read(text, bytes); // warm each one's code once, untimed
  for (let round = 0; round < rounds; round++) {
    const order = [...ready];
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const c of order) {
      collectGarbage();
      const before = process.cpuUsage();
      const t0 = now();
      await c.read(text, bytes);
      wall.get(c)!.push(now() - t0);
      const used = process.cpuUsage(before);
      cpu.get(c)!.push((used.user + used.system) / 1000);
    }
  }
  const stats = new Map<Contender, { wall: Stats; cpu: Stats }>(ready.map((c) => [c, { wall: summarize(wall.get(c)!), cpu: summarize(cpu.get(c)!) }]));
  const ours = stats.get(ready[1]!)!;
  const floor = stats.get(ready[0]!)!;
  for (const c of ready) {
    const s = stats.get(c)!;
    ctx.report.add({
      section,
      name: c.name,
      unit: 'ms',
      stats: s.wall,
      note: `CPU ${s.cpu.median.toFixed(0)} ms (median), ${s.cpu.min.toFixed(0)} ms (min); ${(s.wall.median / floor.wall.median).toFixed(1)}× the floor; builds ${c.builds}`,
    });
  }
  for (const c of ready.slice(3)) {
    const s = stats.get(c)!;
    const isStedi = c.name.startsWith('@stedi/');
    ctx.report.add({
      section,
      name: `ours ÷ ${c.name} (wall medians)`,
      unit: '×',
      value: ours.wall.median / s.wall.median,
      // "≥ 2× faster than @stedi/x12-tools": our time at most half of theirs
      target: isStedi ? { stat: 'value', op: '<=', limit: 0.5 } : undefined,
      note: `CPU medians ${(ours.cpu.median / s.cpu.median).toFixed(2)}×; fastest ÷ fastest ${(ours.wall.min / s.wall.min).toFixed(2)}× (below 1: ours is faster)`,
    });
  }
  const streamedStats = stats.get(ready[2]!)!;
  ctx.report.add({
    section,
    name: 'ours, streamed ÷ floor, CPU time (medians, same session)',
    unit: '×',
    value: streamedStats.cpu.median / floor.cpu.median,
    note: `wall medians ${(streamedStats.wall.median / floor.wall.median).toFixed(1)}×; ÷ @stedi/x12-tools wall medians ${ready.find((c) => c.name.startsWith('@stedi/')) ? (streamedStats.wall.median / stats.get(ready.find((c) => c.name.startsWith('@stedi/'))!)!.wall.median).toFixed(2) : '—'}×`,
  });
  ctx.report.add({
    section,
    name: 'ours ÷ floor, CPU time (medians, same session)',
    unit: '×',
    value: ours.cpu.median / floor.cpu.median,
    target: { stat: 'value', op: '<=', limit: 3 },
    note: `wall medians ${(ours.wall.median / floor.wall.median).toFixed(1)}×; ${rounds} rounds, order shuffled each round${missing.length ? `; ${missing.join('; ')}` : ''}`,
  });
}
