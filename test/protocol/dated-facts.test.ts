// Facts that hold on the date of service, over the protocol with every CMS release and ASP quarter
// (the index the build compiled from HCPCS_RELEASE / HCPCS_ASP; without them, the real files of
// ../shared or their committed excerpts, loaded at start), and with only the October 2025 release
// loaded for the stale-data clause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { startSession, type LspSession } from '../support/lsp-session';
import { aspOrExcerpts, excerptReleases, octoberAsp, octoberRelease, releaseFile, releasesOrExcerpts } from '../support/paths';
import { LOAD_RELEASE_REQUEST, type LoadReleaseResult } from '../../server/src/protocol';

type Notice = { label: string; releases?: string[]; aspQuarters?: string[]; stale?: string };
interface Load {
  releasePath: string;
  aspPath?: string;
  /** a committed excerpt does not look like a whole release: it is loaded as the user loads one, confirmed */
  excerpt: boolean;
}

/** every release: the build's index when it compiled one (HCPCS_RELEASE), else ../shared's folders or the excerpts */
const everyRelease: Load | undefined = process.env.HCPCS_RELEASE
  ? undefined
  : { releasePath: releasesOrExcerpts(), aspPath: aspOrExcerpts(), excerpt: releasesOrExcerpts() === excerptReleases };
const octoberOnly: Load = { releasePath: octoberRelease(), aspPath: octoberAsp(), excerpt: !releaseFile() };

/** a server with the given files loaded at start (or, for an excerpt, by the confirmed load request), and its release notice */
async function startWith(prefix: string, load: Load | undefined): Promise<{ session: LspSession; notice: Notice }> {
  const storagePath = mkdtempSync(join(tmpdir(), prefix));
  const atStart = load && !load.excerpt ? { releasePath: load.releasePath, aspPath: load.aspPath } : {};
  const session = await startSession({ initializationOptions: { storagePath, ...atStart } });
  const first = (await session.waitForRelease()) as Notice;
  if (!load?.excerpt) return { session, notice: first };
  const loaded = await session.request<LoadReleaseResult>(LOAD_RELEASE_REQUEST, { path: load.releasePath, aspPath: load.aspPath, confirm: true });
  assert.equal(loaded.ok, true, JSON.stringify(loaded));
  return { session, notice: (await session.waitForRelease((r) => r !== first)) as Notice };
}

/** one 837P service line: code (with modifiers), units, date, optional NDC and quantity */
function claim(sv1: string, date: string, ndc?: string, note?: string): string {
  const lin = ndc ? [`LIN**N4*${ndc.replace(/-/g, '')}~`, 'CTP****1*UN~'] : [];
  if (note) lin.push(`NTE*ADD*${note}~`);
  return [
    'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*P*:~',
    'GS*HC*SUBMITTER*RECEIVER*20251105*1200*1*X*005010X222A1~',
    'ST*837*0001*005010X222A1~',
    'BHT*0019*00*1*20251105*1200*CH~',
    'CLM*C1*100***11:B:1*Y*A*Y*Y~',
    'LX*1~',
    `SV1*${sv1}~`,
    `DTP*472*D8*${date.replace(/-/g, '')}~`,
    ...lin,
    'SE*9*0001~',
    'GE*1*1~',
    'IEA*1*000000001~',
  ].join('\n');
}

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

async function hoverAt(session: LspSession, uri: string, text: string, token: string): Promise<string> {
  const at = text.indexOf(token);
  const before = text.slice(0, at).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length + 1 };
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  const contents = hover?.contents as { value?: string } | undefined;
  return contents?.value ?? '';
}

async function open(session: LspSession, name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = session.open(name, 'x12', text);
  return { uri, diagnostics: await session.diagnostics(uri) };
}

test('every release and ASP quarter: each line judged by the release in force on its date', async () => {
  // the index the build compiled from HCPCS_RELEASE / HCPCS_ASP (.ci/run: every release and quarter)
  const { session, notice } = await startWith('hcpcs-dated-', everyRelease);
  try {
    assert.match(notice.label, /July 2026/);
    assert.equal(notice.releases?.length, 3, 'the status tooltip lists every release');
    assert.deepEqual(notice.aspQuarters, ['ASP October 2025', 'ASP January 2026']);

    // J7505: active in the October 2025 release, ended 2025-12-31 by January 2026
    const j7505 = claim('HC:J7505*100*UN*1***1', '2026-02-10');
    const late = await open(session, 'j7505-2026.837', j7505);
    const ended = late.diagnostics.find((d) => d.code === 'code-not-effective');
    assert.ok(ended, 'J7505 on 2026-02-10 is not effective');
    assert.match(messageOf(ended), /J7505 was terminated on 2025-12-31; date of service 2026-02-10 \(HCPCS Level II, January 2026 \(CMS\)\)/);
    assert.match(await hoverAt(session, late.uri, j7505, 'J7505'), /_Source: HCPCS Level II, January 2026 \(CMS\)_/);
    const early = await open(session, 'j7505-2025.837', claim('HC:J7505*100*UN*1***1', '2025-11-10'));
    assert.equal(early.diagnostics.filter((d) => d.code === 'code-not-effective').length, 0, 'J7505 on 2025-11-10 is active');

    // C9136 -> Q9975 (terminated) -> J7205
    const c9136 = claim('HC:C9136*100*UN*1***1', '2025-11-10');
    const chain = await open(session, 'c9136.837', c9136);
    const successor = chain.diagnostics.find((d) => d.code === 'code-not-effective');
    assert.match(successor ? messageOf(successor) : '', /its successor is J7205/);
    assert.match(await hoverAt(session, chain.uri, c9136, 'C9136'), /Successor: \*\*J7205\*\*.*via \*\*Q9975\*\*/);

    // A6515's pricing indicator 40 has its line
    const a6515 = claim('HC:A6515*100*UN*1***1', '2025-11-10');
    const wrap = await open(session, 'a6515.837', a6515);
    assert.match(await hoverAt(session, wrap.uri, a6515, 'A6515'), /\*\*Pricing:\*\* lymphedema compression treatment items \(40\)/);

    // no ASP limit on a 2005 line; the quarter's limit on a line in it
    const old = claim('HC:J7507*100*UN*5***1', '2005-06-01');
    const oldDoc = await open(session, 'j7507-2005.837', old);
    const oldCard = await hoverAt(session, oldDoc.uri, old, 'J7507');
    assert.doesNotMatch(oldCard, /\$\d/, 'no payment limit in dollars on a 2005 line');
    assert.match(oldCard, /\*\*ASP payment limit:\*\* none for 2005-06-01: payment limits hold only in their quarter; loaded: ASP October 2025/);
    const now = claim('HC:J7507*100*UN*5***1', '2026-02-01');
    const nowDoc = await open(session, 'j7507-2026.837', now);
    assert.match(await hoverAt(session, nowDoc.uri, now, 'J7507'), /\*\*ASP payment limit \(ASP January 2026\):\*\* \$\d/);

    // J0881 with Aranesp 55513-0002-04 (mapped to J0881 and J0882): no false "maps to J0882"
    const aranesp = claim('HC:J0881*100*UN*1***1', '2025-11-10', '55513-0002-04');
    const ara = await open(session, 'j0881.837', aranesp);
    const ndcCard = await hoverAt(session, ara.uri, aranesp, '55513000204');
    assert.match(ndcCard, /maps this NDC to 2 codes: \*\*J0881\*\*, \*\*J0882\*\*/);
    assert.doesNotMatch(ndcCard, /This line bills/);
    assert.equal(ara.diagnostics.filter((d) => /J0882/.test(messageOf(d))).length, 0);
  } finally {
    await session.stop();
  }
});

test('units from the ASP dosage: J2543 3.375 g is 3 units, Q9992 300 mg is 1 unit (no overbilling fix)', async () => {
  const { session } = await startWith('hcpcs-units-', everyRelease);
  try {
    const rows: { name: string; text: string; expect: RegExp | undefined }[] = [
      { name: 'J2543 3.375 g billed 4', text: claim('HC:J2543*100*UN*4***1', '2025-11-10', undefined, 'piperacillin 3.375 g'), expect: /3\.375 g ÷ 1\.125 g per unit = 3 units, but the line bills 4/ },
      { name: 'J2543 3.375 g billed 3', text: claim('HC:J2543*100*UN*3***1', '2025-11-10', undefined, 'piperacillin 3.375 g'), expect: undefined },
      { name: 'Q9992 300 mg billed 3', text: claim('HC:Q9992*100*UN*3***1', '2025-11-10', undefined, 'buprenorphine 300 mg'), expect: /300 mg is more than 100 mg: 1 unit, but the line bills 3/ },
      { name: 'Q9992 300 mg billed 1', text: claim('HC:Q9992*100*UN*1***1', '2025-11-10', undefined, 'buprenorphine 300 mg'), expect: undefined },
    ];
    for (const row of rows) {
      const uri = session.open(`${row.name.replace(/\W+/g, '-')}.837`, 'x12', row.text);
      const found = (await session.diagnostics(uri)).filter((d) => d.code === 'units-vs-dose');
      if (!row.expect) assert.equal(found.length, 0, `${row.name}: ${found.map(messageOf).join('; ')}`);
      else {
        assert.equal(found.length, 1, `${row.name}: one units-vs-dose finding`);
        assert.match(messageOf(found[0]), row.expect, row.name);
      }
    }
  } finally {
    await session.stop();
  }
});

test('only October 2025 loaded: a 2026 date gets the stale-data clause and information severity', async () => {
  const { session, notice } = await startWith('hcpcs-stale-', octoberOnly);
  try {
    assert.match(notice.label, /October 2025/);
    assert.match(notice.stale ?? '', /^facts from the October 2025 release; this date is \d+ quarters? later: load the current release$/);
    const text = claim('HC:J7777*100*UN*1***1', '2026-11-10');
    const { uri, diagnostics } = await open(session, 'stale.837', text);
    const unknown = diagnostics.find((d) => d.code === 'unknown-code');
    assert.ok(unknown, 'J7777 is not in the release');
    assert.match(messageOf(unknown), /\(facts from the October 2025 release; this date is 4 quarters later: load the current release\)/);
    assert.equal(unknown.severity, 3, 'information, not an error');
    const j7505 = claim('HC:J7505*100*UN*1***1', '2026-11-10');
    const card = await hoverAt(session, session.open('stale-j7505.837', 'x12', j7505), j7505, 'J7505');
    assert.match(card, /\*\*Data older than this date:\*\* facts from the October 2025 release; this date is 4 quarters later: load the current release\./);
    // the same code inside the release's quarter: no clause, error as before
    const inside = await open(session, 'inside.837', claim('HC:J7777*100*UN*1***1', '2025-11-10'));
    const error = inside.diagnostics.find((d) => d.code === 'unknown-code');
    assert.equal(error?.severity, 1);
    assert.doesNotMatch(error ? messageOf(error) : '', /quarters? later/);
    void uri;
  } finally {
    await session.stop();
  }
});

test('a release path that cannot be read at start-up: a warning naming it and the set in use', async () => {
  const session = await startSession({ initializationOptions: { storagePath: mkdtempSync(join(tmpdir(), 'hcpcs-bad-')), releasePath: '/nonexistent/HCPC2026_JAN_ANWEB.xlsx' } });
  try {
    const notice = await session.waitForRelease();
    assert.ok(!/January 2026/.test(notice.label));
    // the same text goes to the user as a warning notification (server.ts) and to the log with the notice
    assert.match(notice.message ?? '', /\/nonexistent\/HCPC2026_JAN_ANWEB\.xlsx cannot be read/);
  } finally {
    await session.stop();
  }
});
