// Shared pieces for the robustness suite: fast-check parameters (bounded for CI, longer with
// FUZZ_RUNS, replayable with FUZZ_SEED), generators of hostile claim-ish text, mutations of real
// files, and the invariants every reader and feature must keep (ranges inside the document).
import fc from 'fast-check';
import assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { deflateRawSync } from 'node:zlib';

/** the seed CI runs with: a fixed one, so a red run is a real, replayable failure and never luck */
export const DEFAULT_SEED = 20251105;

/**
 * fast-check parameters: a fixed run count and seed for CI; FUZZ_RUNS=N for longer runs;
 * FUZZ_SEED=N replays the seed a failure printed; FUZZ_SEED=random explores new cases.
 */
export function fuzzParams(defaultRuns: number): fc.Parameters<unknown> {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = process.env.FUZZ_SEED;
  const params: fc.Parameters<unknown> = { numRuns: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns };
  if (seed === 'random') return params;
  params.seed = seed !== undefined && seed !== '' && Number.isFinite(Number(seed)) ? Number(seed) : DEFAULT_SEED;
  return params;
}

/** every languageId the readers are asked to handle (editor ids plus ones they must tolerate) */
export const LANGUAGE_IDS = ['x12', 'csv', 'json', 'plaintext', 'markdown', 'psv', 'tsv', 'jsonc', 'unknown-lang'] as const;

/** file names matching each languageId, so the URI hint points the same way (or not) */
export const URI_FOR_LANGUAGE: Record<string, string[]> = {
  x12: ['file:///w/a.837', 'file:///w/a.edi', 'file:///w/a.835', 'untitled:Untitled-1'],
  csv: ['file:///w/a.csv', 'file:///w/a.psv', 'file:///w/a.tsv'],
  json: ['file:///w/a.json', 'file:///w/eob.fhir.json'],
  plaintext: ['file:///w/a.txt', 'untitled:Untitled-2'],
  markdown: ['file:///w/a.md'],
};

// Tokens that steer random text into the readers' interesting paths.
const TOKENS = [
  'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*T*:~',
  'ISA', 'GS*HC', 'ST*837*0001', 'SE*', 'GE*', 'IEA*', 'CLM*PT1*250', 'HI*ABK:Z940', 'LX*1', 'SV1*HC:J7507:KX*125*UN*5***1',
  'SV2*0250*HC:J7507*125*UN*5', 'SVC*HC:J7507:JW*10*8**1', 'DTP*472*D8*20251105', 'LIN**N4*00469061711', 'CTP****2*UN',
  'NTE*ADD*tacrolimus 5 mg', '~', '*', ':', '^', '>', '|', '\t', ',', ';', '"', "'", '\n', '\r\n', '\r', ' ',
  '{', '}', '[', ']', '"item":[', '"productOrService":{"coding":[{"system":"https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"J7507"}]}',
  '"modifier":[{"coding":[{"code":"KX"}]}]', '"quantity":{"value":5}', '"servicedDate":"2025-11-05"', '"resourceType":"Claim"',
  'claim_id,service_date,hcpcs,modifier_1,units,ndc\n', 'HCPCS_CD|hcpcs_1st_mdfr_cd|line_srvc_cnt\n',
  'J7507', 'J7502', 'J3490', 'J9999', 'E0431', 'A0425', '99213', '1036F', 'F10.20', 'KX', 'JW', 'JZ', 'JG', 'TB', 'RR',
  '-KX', ' x 5 units', ' 375 mg', 'tacrolimus', 'cyclosporine', '00469-0617-11', '2025-11-05', '20251105', '1e308', '-0', 'NaN',
  '\uFEFF', '\u0000', '\uD800', '\uDC00', '\uD83D\uDE00', '\u2028', '\u00A0', 'é', '𝐉7507',
];

/** one UTF-16 code unit, lone surrogates included */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** text mixing format tokens with arbitrary code units (the main fuzz input) */
export function claimishText(maxPieces = 60): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
    { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 8 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 100_000 }).map(String) },
  );
  return fc.array(piece, { maxLength: maxPieces, size: 'max' }).map((parts) => parts.join(''));
}

/** random bytes read the two ways an editor might: UTF-8 (invalid sequences -> U+FFFD) and latin1 (NULs kept) */
export function bytesAsText(maxLength = 400): fc.Arbitrary<string> {
  return fc
    .tuple(fc.uint8Array({ maxLength, size: 'max' }), fc.boolean())
    .map(([bytes, utf8]) => Buffer.from(bytes).toString(utf8 ? 'utf8' : 'latin1'));
}

export type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'swap'; at: number }
  | { kind: 'separator'; at: number; to: string }
  | { kind: 'truncate'; at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** mutations addressed by fraction of the text length, so one list fits any text (truncation rarer: it ends the story) */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fraction, length: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fraction }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('separator' as const),
      at: fraction,
      to: fc.constantFrom('~', '*', ':', '^', '|', ',', '\t', '\n', '\r', '', '"', '{', '}', '\u0000', '\uFFFD'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
);

const SEPARATORS = new Set(['~', '*', ':', '^', '|', ',', '\t', '\n', '\r', '"', '{', '}', '[', ']', '>']);

/** apply one mutation (tests use small texts, so plain slicing is fine here) */
export function mutate(text: string, m: Mutation): string {
  const at = Math.min(text.length, Math.floor(m.at * (text.length + 1)));
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'swap':
      return at + 1 < text.length ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : text;
    case 'separator': {
      // the nearest separator at or after `at` becomes `to` (deleted when '')
      let i = at;
      while (i < text.length && !SEPARATORS.has(text[i]!)) i++;
      return i < text.length ? text.slice(0, i) + m.to + text.slice(i + 1) : text;
    }
    case 'truncate':
      return text.slice(0, at);
  }
}

export function mutateAll(text: string, ms: Mutation[]): string {
  return ms.reduce(mutate, text);
}

/** the ISA header cut short at every interesting length (damaged-header cases) */
export function truncatedIsa(text: string, keep: number): string {
  const start = text.indexOf('ISA');
  if (start < 0) return text;
  return text.slice(0, start + keep) + text.slice(start + 106);
}

/** where a walked value sits, kept as links so a path string is only built for a failure message */
interface Where {
  parent: Where | undefined;
  key: string | number;
}

export function pathOf(where: Where | undefined): string {
  const keys: (string | number)[] = [];
  for (let w = where; w; w = w.parent) keys.push(w.key);
  return '$' + keys.reverse().map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
}

type Visit = (value: Record<string, unknown>, where: Where | undefined) => void;

/** a walk that meets more objects than this has met a cycle */
const MAX_NODES = 50_000_000;

/** depth-first walk over plain data (tree-shaped: callers prune shared parts, see assertOffsetsInside) */
export function walk(root: unknown, visit: Visit): void {
  const stack: [unknown, Where | undefined][] = [[root, undefined]];
  let nodes = 0;
  while (stack.length) {
    const [value, where] = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (++nodes > MAX_NODES) assert.fail(`more than ${MAX_NODES} objects under ${pathOf(where)}: a cycle?`);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (value[i] && typeof value[i] === 'object') stack.push([value[i], { parent: where, key: i }]);
    } else {
      const record = value as Record<string, unknown>;
      visit(record, where);
      for (const key in record) {
        const child = record[key];
        if (child && typeof child === 'object') stack.push([child, { parent: where, key }]);
      }
    }
  }
}

/** model invariant: every offset range (and insertion offset) lies inside [0, length] and start <= end */
export function assertOffsetsInside(model: unknown, length: number, label = ''): void {
  // containers hold the same claim objects as model.claims: walk them once
  const m = model as { containers?: { claims?: unknown }[] };
  const tree = Array.isArray(m?.containers) ? { ...m, containers: m.containers.map((c) => ({ ...c, claims: [] })) } : model;
  walk(tree, (o, where) => {
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      const { start, end } = o as { start: number; end: number };
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
        assert.fail(`${label} ${pathOf(where)} = {start: ${start}, end: ${end}} outside [0, ${length}]`);
      }
    }
    if (typeof o.offset === 'number') {
      const offset = o.offset as number;
      if (!(Number.isInteger(offset) && offset >= 0 && offset <= length)) assert.fail(`${label} ${pathOf(where)}.offset = ${offset} outside [0, ${length}]`);
    }
  });
}

/** LSP invariant: every {line, character} lies inside the document and every {start, end} is ordered */
export function assertPositionsInside(result: unknown, doc: TextDocument, label = ''): void {
  const lineLength = (line: number) => doc.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - doc.offsetAt({ line, character: 0 });
  const isPos = (p: unknown): p is { line: number; character: number } =>
    !!p && typeof (p as { line?: unknown }).line === 'number' && typeof (p as { character?: unknown }).character === 'number';
  walk(result, (o, where) => {
    if (isPos(o)) {
      const { line, character } = o;
      const inside = Number.isInteger(line) && line >= 0 && line < doc.lineCount && Number.isInteger(character) && character >= 0 && character <= lineLength(line);
      if (!inside) assert.fail(`${label} ${pathOf(where)} = ${line}:${character} outside the document (${doc.lineCount} lines)`);
    }
    if (isPos(o.start) && isPos(o.end) && doc.offsetAt(o.start) > doc.offsetAt(o.end)) {
      assert.fail(`${label} ${pathOf(where)} ends before it starts`);
    }
  });
}

/** a random position in the document (line/character addressed by fractions) */
export function positionAt(doc: TextDocument, fraction: number): { line: number; character: number } {
  return doc.positionAt(Math.floor(fraction * (doc.getText().length + 1)));
}

/** code-like tokens (J7507, j75, HC:, :KX, -JW) where hover and completion have something to say */
const ANCHOR = /\b[A-Za-z][0-9]{2,4}\b|HC[:>^]|[:>^-][A-Za-z0-9]{2}\b/g;

/**
 * A position for a fraction: below 0.5 anywhere in the text, from 0.5 on inside or right after one
 * of the code-like tokens (random positions alone almost never land on a code).
 */
export function featurePosition(doc: TextDocument, fraction: number, anchors: number[][]): { line: number; character: number } {
  if (fraction < 0.5 || anchors.length === 0) return positionAt(doc, fraction * 2);
  const scaled = (fraction - 0.5) * 2 * anchors.length;
  const [start, end] = anchors[Math.min(anchors.length - 1, Math.floor(scaled))]!;
  const within = scaled - Math.floor(scaled);
  return doc.positionAt(start! + Math.round(within * (end! - start!)));
}

/** [start, end] of every code-like token, in one pass */
export function anchorsOf(text: string, max = 2000): number[][] {
  const out: number[][] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m && out.length < max; m = ANCHOR.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** a full GC between timed runs, so one run does not pay for the garbage of the one before */
const collect: (() => void) | undefined = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

/**
 * median CPU time (user + system, ms) of `runs` calls of fn. CPU time, not wall time: the suite
 * shares two cores with other work, and a ratio of CPU times stays stable under that load.
 * The one timing comparison allowed is a ratio of two of these, never an absolute.
 */
export function medianCpuMs(fn: () => void, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(cpuMsOf(fn));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** the CPU time (user + system, ms) of one call, after a full collection */
function cpuMsOf(fn: () => void): number {
  collect?.();
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * The least CPU time (ms) of `runs` calls of each of two functions, called alternately so a change
 * in the machine's load falls on both. For a ratio of two sizes: the least time is the cost of the
 * work itself, and interference (another process, a collection the run before left) only adds.
 */
export function pairedLeastCpuMs(a: () => void, b: () => void, runs = 5): [number, number] {
  const least = [Infinity, Infinity];
  for (let i = 0; i < runs; i++) [a, b].forEach((fn, k) => (least[k] = Math.min(least[k]!, cpuMsOf(fn))));
  return [least[0]!, least[1]!];
}

/** text repeated until it is at least `bytes` long (whole copies, so every copy parses the same) */
export function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.ceil(bytes / Math.max(1, unit.length))));
}

// ---- well-formed claim documents with random contents (so checks, fixes and features have work) ----

const CODE_POOL = ['J7507', 'J7502', 'J7520', 'J7505', 'J7528', 'J3490', 'J7599', 'J1745', 'J0561', 'J2357', 'J1550', 'E0431', 'A0425', 'K0001', '99213', '1036F', 'j7507', 'J750', 'Z9999', 'J75O7', ''];
const MOD_POOL = ['KX', 'JW', 'JZ', 'JG', 'TB', 'GA', 'GZ', 'RR', '25', '59', 'kx', 'XX', 'K', ''];
const UNITS_POOL = ['1', '5', '4', '0', '1.5', '2.5', '-3', '', '1e9', '10', '375', 'abc'];
const NDC_POOL = ['00469061711', '0046906171', '00469-0617-11', '12345678901234', 'ABC', ''];
const DATE_POOL = ['20251105', '20260201', '20210101', '20241231', '20250101', '2025110', '99999999'];
const DRUG_POOL = ['tacrolimus', 'cyclosporine', 'sirolimus', 'infliximab', 'aspirin', ''];

export interface GeneratedLine {
  code: string;
  modifiers: string[];
  units: string;
  ndc: string;
  date: string;
  drug: string;
  dose: string;
}

const lineArb: fc.Arbitrary<GeneratedLine> = fc.record({
  code: fc.constantFrom(...CODE_POOL),
  modifiers: fc.array(fc.constantFrom(...MOD_POOL), { maxLength: 5 }),
  units: fc.constantFrom(...UNITS_POOL),
  ndc: fc.constantFrom(...NDC_POOL),
  date: fc.constantFrom(...DATE_POOL),
  drug: fc.constantFrom(...DRUG_POOL),
  dose: fc.constantFrom('5 mg', '375 mg', '2 mg', '100 mg', '0.5 mg', ''),
});

const iso = (d: string) => (d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d);

function x12Text(lines: GeneratedLine[], newline: string, institutional: boolean, descriptions: boolean): string {
  const seg: string[] = [
    'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*T*:',
    'GS*HC*SUBMITTER*RECEIVER*20251105*1200*1*X*005010X222A1', 'ST*837*0001*005010X222A1', 'HL*1**20*1', 'HL*2*1*22*0',
    'CLM*GEN1*500***11:B:1*Y*A*Y*Y', 'HI*ABK:Z940',
  ];
  lines.forEach((l, i) => {
    // SV101-7 is the description: modifiers are padded to four components before it
    const described = descriptions && l.drug !== '';
    // without descriptions at most four modifiers: a fifth would sit in SV101-7, the description's place
    const mods = described ? [...l.modifiers, '', '', '', ''].slice(0, Math.max(4, l.modifiers.length)) : descriptions ? l.modifiers : l.modifiers.slice(0, 4);
    const composite = ['HC', l.code, ...mods, ...(described ? [`${l.drug} ${l.dose}`] : [])].join(':');
    seg.push(`LX*${i + 1}`, institutional ? `SV2*0250*${composite}*125*UN*${l.units}` : `SV1*${composite}*125*UN*${l.units}***1`, `DTP*472*D8*${l.date}`);
    if (l.ndc) seg.push(`LIN**N4*${l.ndc}`, `CTP****${l.units || '1'}*UN`);
    if (l.drug) seg.push(`NTE*ADD*${l.drug} ${l.dose}`);
  });
  seg.push('SE*1*0001', 'GE*1*1', 'IEA*1*000000001');
  return seg.map((s) => s + '~').join(newline) + newline;
}

function csvText(lines: GeneratedLine[], newline: string, delimiter: string): string {
  const quote = (s: string) => (s.includes(delimiter) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const header = ['claim_id', 'service_date', 'hcpcs', 'modifier_1', 'modifier_2', 'modifier_3', 'units', 'ndc', 'description'];
  const rows = lines.map((l, i) =>
    [`C${i % 3}`, iso(l.date), l.code, l.modifiers[0] ?? '', l.modifiers[1] ?? '', l.modifiers[2] ?? '', l.units, l.ndc, `${l.drug} ${l.dose}`.trim()].map(quote).join(delimiter),
  );
  return [header.join(delimiter), ...rows].join(newline) + newline;
}

function fhirText(lines: GeneratedLine[], indent: number): string {
  const item = lines.map((l, i) => ({
    sequence: i + 1,
    productOrService: { coding: [{ system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: l.code }], text: `${l.drug} ${l.dose}`.trim() || undefined },
    modifier: l.modifiers.length ? l.modifiers.map((m) => ({ coding: [{ code: m }] })) : undefined,
    servicedDate: iso(l.date),
    quantity: l.units === '' ? undefined : { value: Number(l.units) },
  }));
  return JSON.stringify({ resourceType: 'Claim', id: 'gen', item }, null, indent);
}

function proseText(lines: GeneratedLine[], newline: string): string {
  return lines
    .map((l) => `${l.drug ? `${l.drug[0]!.toUpperCase()}${l.drug.slice(1)} ${l.dose}` : 'Drug'}: billed ${[l.code, ...l.modifiers].join('-')} x ${l.units} units on ${iso(l.date)}.`)
    .join(newline) + newline;
}

export interface GeneratedDocument {
  languageId: string;
  uri: string;
  text: string;
}

export interface ClaimDocumentOptions {
  /** write SV101-7 descriptions in X12 composites (default true) */
  x12Descriptions?: boolean;
}

/** a well-formed X12/CSV/FHIR/prose document holding random service lines, with assorted layouts */
export function claimDocument(options: ClaimDocumentOptions = {}): fc.Arbitrary<GeneratedDocument> {
  const descriptions = options.x12Descriptions ?? true;
  const newline = fc.constantFrom('\n', '\r\n', '\r', '');
  const lines = fc.array(lineArb, { minLength: 1, maxLength: 8 });
  return fc.oneof(
    fc.tuple(lines, newline, fc.boolean()).map(([ls, nl, inst]) => ({ languageId: 'x12', uri: 'file:///w/gen.837', text: x12Text(ls, nl, inst, descriptions) })),
    fc.tuple(lines, fc.constantFrom('\n', '\r\n'), fc.constantFrom(',', '|', '\t')).map(([ls, nl, d]) => ({
      languageId: 'csv',
      uri: d === ',' ? 'file:///w/gen.csv' : d === '|' ? 'file:///w/gen.psv' : 'file:///w/gen.tsv',
      text: csvText(ls, nl, d),
    })),
    fc.tuple(lines, fc.constantFrom(0, 2)).map(([ls, indent]) => ({ languageId: 'json', uri: 'file:///w/gen.json', text: fhirText(ls, indent) })),
    fc.tuple(lines, fc.constantFrom('\n', '\r\n')).map(([ls, nl]) => ({ languageId: 'markdown', uri: 'file:///w/gen.md', text: proseText(ls, nl) })),
  );
}

// ---- archives, spreadsheets and protocol frames (the release importer and the stdio reader) ----

export interface ArchiveMember {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
}

/**
 * A zip archive. `aliases` adds directory entries that point at an existing member (by index) under
 * another name: the shape of the 65,535-entries-on-one-member attack. `claimedSize` lies about a
 * member's inflated size in both headers.
 */
export function zipArchive(members: ArchiveMember[], options: { aliases?: { name: string; member: number }[]; claimedSize?: Map<number, number> } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const centralOf: { header: Buffer; name: Buffer }[] = [];
  let offset = 0;
  members.forEach((m, k) => {
    const name = Buffer.from(m.name, 'utf8');
    const body = m.deflate ? deflateRawSync(m.data) : Buffer.from(m.data);
    const size = options.claimedSize?.get(k) ?? m.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(m.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(m.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centralOf.push({ header: central, name });
    offset += local.length + name.length + body.length;
  });
  for (const { header, name } of centralOf) centrals.push(header, name);
  for (const alias of options.aliases ?? []) {
    const target = centralOf[alias.member]!;
    const name = Buffer.from(alias.name, 'utf8');
    const header = Buffer.from(target.header);
    header.writeUInt16LE(name.length, 28);
    centrals.push(header, name);
  }
  const count = centralOf.length + (options.aliases?.length ?? 0);
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 0 -> 'A', 27 -> 'AB' */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** the worksheet XML of rows of inline strings */
export function sheetXml(rows: string[][]): string {
  const body = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/**
 * A minimal .xlsx: workbook, relationships and one sheet. Any part may be replaced by raw text
 * (hostile XML: unclosed tags, huge column references).
 */
export function xlsxWorkbook(parts: { sheet?: string; rows?: string[][]; workbook?: string; rels?: string; sharedStrings?: string } = {}): Buffer {
  const workbook = parts.workbook ?? '<workbook xmlns:r="r"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const rels = parts.rels ?? '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';
  const members: ArchiveMember[] = [
    { name: 'xl/workbook.xml', data: Buffer.from(workbook), deflate: true },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels), deflate: true },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(parts.sheet ?? sheetXml(parts.rows ?? [])), deflate: true },
  ];
  if (parts.sharedStrings !== undefined) members.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(parts.sharedStrings), deflate: true });
  return zipArchive(members);
}

/** one LSP frame: header block (as given, so it can lie) and JSON body */
export function lspFrame(body: unknown, header?: string): Buffer {
  const json = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(header ?? `Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]);
}

/** malformed frame headers: missing, non-numeric, negative, huge or garbled Content-Length */
export const badFrameHeaderArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant('\r\n'),
  fc.constant('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'),
  fc.constant('Content-Length: abc\r\n\r\n'),
  fc.constant('Content-Length: -5\r\n\r\n'),
  fc.constant('Content-Length: 1.5\r\n\r\n'),
  fc.constant('Content-Length: 99999999999999999999\r\n\r\n'),
  fc.constant('Content-Length:\r\n\r\n'),
  fc.constant('Content-Length 12\r\n\r\n'),
  fc.constant('Garbage without colon\r\n\r\n'),
  fc.stringMatching(/^[ -~]{0,40}$/).map((s) => `${s.replace(/\r|\n/g, '')}\r\n\r\n`),
);
