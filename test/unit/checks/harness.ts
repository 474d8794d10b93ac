// Shared helpers for the rule tables: code sets, document builders, ⟦marked⟧ expectations, fix replay.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { coreCodeSet, fullCodeSet, octoberCodeSet } from '../../support/codesets';
import type { CodeSet } from '../../../server/src/codeset/types';
import type { DiagnosisCodes } from '../../../server/src/codeset/icd10';
import { fixtureDiagnosisCodes, fullDiagnosisCodes } from '../../support/icd10';
import { reasons } from '../../support/needs';
import { parseDocument } from '../../../server/src/documents/index';
import { runChecks } from '../../../server/src/checks/index';
import { mergeSettings } from '../../../server/src/checks/config';
import type { Finding, Fix } from '../../../server/src/checks/types';
import { defaultSettings, type Settings } from '../../../server/src/settings';

export const TODAY = '2025-11-20';

export { coreCodeSet, fullCodeSet, octoberCodeSet };

/** An 837P around the given loop-2400 segments (one per line, '~' added), claim date of service 2025-11-05. */
export function x12(...segments: string[]): string {
  const isa = 'ISA*00*          *00*          *ZZ*TESTSUBMITTER  *ZZ*TESTRECEIVER   *251120*0930*^*00501*000000001*0*T*:~';
  const transaction = [
    'ST*837*0001*005010X222A1~',
    'BHT*0019*00*T1*20251120*0930*CH~',
    'HL*1**20*1~',
    'HL*2*1*22*0~',
    'SBR*P*18*******MB~',
    'CLM*T-1*100***11:B:1*Y*A*Y*Y~',
    'DTP*472*D8*20251105~',
    ...segments.map((s) => (s.endsWith('~') ? s : `${s}~`)),
  ];
  // SE01: the segments from ST to SE inclusive (a row may hold several segments, or a '~' in a marked value)
  const count = transaction.join('').split('~').length;
  const body = ['GS*HC*TESTSUBMITTER*TESTRECEIVER*20251120*0930*1*X*005010X222A1~', ...transaction, `SE*${count}*0001~`, 'GE*1*1~', 'IEA*1*000000001~'];
  return [isa, ...body].join('\n') + '\n';
}

const ISA = 'ISA*00*          *00*          *ZZ*TESTSUBMITTER  *ZZ*TESTRECEIVER   *251120*0930*^*00501*000000001*0*T*:~';
const envelope = (gs: string, st: string, body: string[]) =>
  [ISA, gs, st, ...body.map((s) => (s.endsWith('~') ? s : `${s}~`)), 'SE*99*0001~', 'GE*1*1~', 'IEA*1*000000001~'].join('\n') + '\n';

/** An 837P with one claim per `claims` entry: its CLM02 and its segments after CLM/DTP (LX, SV1, ...). */
export function x12Claims(...claims: { total: string; segments: string[] }[]): string {
  const body = ['BHT*0019*00*T1*20251120*0930*CH', 'HL*1**20*1', 'HL*2*1*22*0', 'SBR*P*18*******MB'];
  claims.forEach((c, i) => body.push(`CLM*T-${i + 1}*${c.total}***11:B:1*Y*A*Y*Y`, 'DTP*472*D8*20251105', ...c.segments));
  return envelope('GS*HC*TESTSUBMITTER*TESTRECEIVER*20251120*0930*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~', body);
}

/** An 837I claim with the given CLM02 and segments (LX, SV2, ...). */
export function x12Institutional(total: string, ...segments: string[]): string {
  const body = ['BHT*0019*00*T1*20251120*0930*CH', 'HL*1**20*1', 'HL*2*1*22*0', 'SBR*P*18*******MA', `CLM*I-1*${total}***13:A:1*Y*A*Y*Y`, 'DTP*434*RD8*20251105-20251105', ...segments];
  return envelope('GS*HC*TESTSUBMITTER*TESTRECEIVER*20251120*0930*1*X*005010X223A2~', 'ST*837*0001*005010X223A2~', body);
}

/** An 835 with the given BPR02 and the segments after the header (LX, CLP, CAS, SVC, PLB, ...). */
export function x12Remit(payment: string, ...segments: string[]): string {
  const body = [`BPR*I*${payment}*C*ACH`, 'TRN*1*12345*1512345678', 'N1*PR*PAYER', 'N1*PE*PROVIDER*XX*1234567893', ...segments];
  return envelope('GS*HP*PAYER*PROVIDER*20251120*0930*1*X*005010X221A1~', 'ST*835*0001~', body);
}

/** CSV export with a fixed header; rows are 'code,mod1,mod2,units,ndc,date,description' */
export function csv(...rows: string[]): string {
  return ['hcpcs_code,modifier_1,modifier_2,units,ndc,service_date,description', ...rows].join('\n') + '\n';
}

/** a FHIR Claim with one item per entry */
export function fhir(...items: { code: string; modifiers?: string[]; quantity?: number; date?: string; text?: string }[]): string {
  const sys = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
  const item = (it: (typeof items)[number], i: number) =>
    [
      `    {\n      "sequence": ${i + 1},`,
      `      "productOrService": { "coding": [{ "system": "${sys}", "code": "${it.code}" }]${it.text ? `, "text": "${it.text}"` : ''} },`,
      it.modifiers ? `      "modifier": [${it.modifiers.map((m) => `{ "coding": [{ "system": "${sys}", "code": "${m}" }] }`).join(', ')}],` : '',
      `      "servicedDate": "${it.date ?? '2025-11-05'}",`,
      `      "quantity": { "value": ${it.quantity ?? 1} }\n    }`,
    ]
      .filter(Boolean)
      .join('\n');
  return `{\n  "resourceType": "Claim",\n  "id": "t1",\n  "item": [\n${items.map(item).join(',\n')}\n  ]\n}\n`;
}

const OPEN = '⟦';
const CLOSE = '⟧';

/** Strips ⟦ ⟧ marks; returns the plain text and the marked ranges (offsets into the plain text). */
export function unmark(marked: string): { text: string; ranges: { start: number; end: number }[] } {
  let text = '';
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = []; // marks nest: ⟦⟦J7507⟧⟧ expects two findings on one range
  for (const ch of marked) {
    if (ch === OPEN) open.push(text.length);
    else if (ch === CLOSE) ranges.push({ start: open.pop()!, end: text.length });
    else text += ch;
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, ranges };
}

export interface CheckOptions {
  codeset: CodeSet;
  settings?: Partial<Settings>;
  today?: string;
  languageId?: string;
  uri?: string;
  /** the ICD-10-CM list (absent: none loaded) */
  diagnosisCodes?: DiagnosisCodes;
}

export function check(text: string, o: CheckOptions): Finding[] {
  const settings = mergeSettings(defaultSettings, o.settings);
  // as the service does: forced kinds and the notes mode reach the reader
  const notes = settings.notes === 'all' ? 'all' : 'billing-lines';
  const document = parseDocument(text, { languageId: o.languageId, uri: o.uri, isDrugName: (w) => o.codeset.isDrugName(w), documentKinds: settings.documentKinds, notes });
  return runChecks({ document, text, codeset: o.codeset, settings, today: o.today ?? TODAY, diagnosisCodes: o.diagnosisCodes });
}

export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i]!.range.end <= edits[i - 1]!.range.start, 'fix edits overlap');
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/** what identifies a finding independent of offsets: rule, the text it covers, the message */
const key = (text: string, f: Finding) => `${f.ruleId} ${JSON.stringify(text.slice(f.range.start, f.range.end))} ${f.message}`;

export interface Row {
  name: string;
  /** the document, with the expected finding ranges of the rule under test marked ⟦like this⟧ */
  text: string;
  languageId?: string;
  /** the document's path as the editor gives it (file name and forced kinds) */
  uri?: string;
  settings?: Partial<Settings>;
  today?: string;
  /** each expected finding's message must match, in order */
  messages?: (RegExp | string)[];
  /** fix titles expected on the first finding ([] = no fix) */
  fixes?: string[];
  /** findings of other rules that a fix may legitimately add or remove (rule ids) */
  fixMayChange?: string[];
  /** 'full': every CMS release (their committed excerpts without ../shared); 'october': the October 2025 release only; default: the core set */
  codeset?: 'core' | 'full' | 'october';
  /** ICD-10-CM: 'fixture' (default) the committed FY2026 excerpt, 'full' the whole release (skipped without it), 'none' no list loaded */
  icd10?: 'fixture' | 'full' | 'none';
}

/**
 * One subtest per row: the rule's findings cover exactly the marked ranges; every fix, applied, makes
 * its finding disappear and leaves every other finding as it was.
 */
export async function checkRule(t: TestContext, ruleId: string, rows: Row[]): Promise<void> {
  for (const row of rows) {
    await t.test(row.name, (st) => {
      const codeset = row.codeset === 'full' ? fullCodeSet() : row.codeset === 'october' ? octoberCodeSet() : coreCodeSet();
      const diagnosisCodes = row.icd10 === 'none' ? undefined : row.icd10 === 'full' ? fullDiagnosisCodes() : fixtureDiagnosisCodes();
      if (row.icd10 === 'full' && !diagnosisCodes) return st.skip(reasons.icd10);
      const { text, ranges } = unmark(row.text);
      const o: CheckOptions = { codeset, settings: row.settings, today: row.today, languageId: row.languageId, uri: row.uri, diagnosisCodes };
      const all = check(text, o);
      const mine = all.filter((f) => f.ruleId === ruleId);
      const shown = (rs: { start: number; end: number }[]) => rs.map((r) => `${r.start}-${r.end} ${JSON.stringify(text.slice(r.start, r.end))}`);
      assert.deepEqual(shown(mine.map((f) => f.range)), shown(ranges), mine.map((f) => f.message).join('\n'));
      row.messages?.forEach((m, i) => assert.match(mine[i]!.message, typeof m === 'string' ? new RegExp(escape(m)) : m));
      if (row.fixes) assert.deepEqual(mine[0]?.fixes.map((f) => f.title) ?? [], row.fixes);
      for (const f of mine) {
        for (const fix of f.fixes) {
          const fixed = applyFix(text, fix);
          const after = check(fixed, o);
          const before = all.filter((x) => x !== f && !row.fixMayChange?.includes(x.ruleId)).map((x) => key(text, x)).sort();
          const rest = after.filter((x) => !row.fixMayChange?.includes(x.ruleId)).map((x) => key(fixed, x)).sort();
          assert.deepEqual(rest, before, `after "${fix.title}":\n${fixed}`);
        }
      }
    });
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
