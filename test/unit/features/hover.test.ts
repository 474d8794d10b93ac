// Hover cards: each part present when it should be, absent when it should not, in order; never
// "undefined"/"null"/"NaN". Rows in every format, against the core set and (when ../shared has it)
// the full CMS release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/features/hover';
import type { CodeSet } from '../../../server/src/codeset/types';
import { build, coreSet, fullSet, LEAKS, type BuildOptions } from './support';
import { csv, fhir, fhirItem, x12i, x12p } from './samples';

type Part = string | RegExp;
interface Expect {
  /** must appear, in this order */
  parts?: Part[];
  /** must not appear */
  absent?: Part[];
  /** no hover at all */
  none?: true;
  /** the hover range covers exactly this text */
  token?: string;
}

function indexOfPart(text: string, part: Part, from: number): number {
  if (typeof part === 'string') return text.indexOf(part, from);
  const re = new RegExp(part.source, part.flags.replace('g', '') + 'g');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

function checkHover(marked: string, expected: Expect, options: BuildOptions): void {
  const { ctx, carets } = build(marked, options);
  assert.equal(carets.length, 1, 'one caret per row');
  const result = hover(ctx, carets[0] as number);
  if (expected.none) {
    assert.equal(result, null);
    return;
  }
  assert.ok(result, 'expected a hover');
  const value = typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
  assert.doesNotMatch(value, LEAKS, value);
  let at = 0;
  for (const part of expected.parts ?? []) {
    const found = indexOfPart(value, part, at);
    assert.ok(found >= 0, `missing or out of order: ${part}\n---\n${value}`);
    at = found + 1;
  }
  for (const part of expected.absent ?? []) assert.equal(indexOfPart(value, part, 0), -1, `should be absent: ${part}\n---\n${value}`);
  if (expected.token !== undefined && result.range) {
    const doc = ctx.textDocument;
    assert.equal(doc.getText().slice(doc.offsetAt(result.range.start), doc.offsetAt(result.range.end)), expected.token);
  }
}

const GUIDANCE_ORDER = ['**Clinical context**', '**Common modifiers**', '**Documentation requirements**', '**Common denial reasons**', '**Commercial payer considerations**', '**Similar codes**'];
const SOURCE = /_Source: /;
const GUIDANCE_LINK = (code: string) => `[Full guidance](command:hcpcs.showGuidance?${encodeURIComponent(JSON.stringify([code]))})`;
const CORE_HINT = ['Only the core code set is loaded', 'HCPCS: Load CMS release…', 'hcpcs.releasePath'];

type Which = 'both' | 'core' | 'full';
interface Row {
  name: string;
  text: string;
  lang: string;
  expect: Expect;
  sets?: Which;
}

const J7507_LINE = 'LX*1~\nSV1*HC:J7‸507:KX*125*UN*5***1~\nDTP*472*D8*20251105~\nLIN**N4*00378204501~\nCTP****10*UN~';

const rows: Row[] = [
  {
    name: '837P J7507 line: every part, in order',
    lang: 'x12',
    text: x12p(J7507_LINE),
    expect: {
      token: 'J7507',
      parts: [
        '**J7507** — Tacrolimus imme rel oral 1mg',
        'Tacrolimus, immediate release, oral, 1 mg',
        '1 unit = 1 mg',
        '5 units = 5 mg',
        'active on the date of service 2025-11-05 (added 1995-01-01)',
        // what decides the claim (modifiers) before payment facts
        '**Modifiers on this line**',
        '**KX**: Requirements specified in the medical policy have been met',
        'Special coverage instructions apply',
        'drug (51)',
        '$0.169 per unit of 1 MG',
        '5 units = $0.85',
        'Related codes',
        'J7508',
        'Guidance: Tacrolimus, immediate release, oral (J7507)',
        GUIDANCE_LINK('J7507'),
        SOURCE,
      ],
      // the guidance is a summary and a link: its sections open in full from the link
      absent: ['Warnings on this line', 'terminated', 'not yet effective', ...GUIDANCE_ORDER, 'See also:'],
    },
  },
  {
    name: '837P J2357 without JW/JZ: warnings on the line and the wastage guidance',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J23‸57*500*UN*30***1~\nDTP*472*D8*20251105~'),
    expect: {
      parts: ['**J2357** — Omalizumab injection', '1 unit = 5 mg', '30 units = 150 mg', 'Carrier judgment', 'per unit of 5 MG', '**Warnings on this line**', 'missing-jw-jz', 'Guidance: JW and JZ', GUIDANCE_LINK('J2357'), SOURCE],
      absent: ['Modifiers on this line'],
    },
  },
  {
    name: '837P J7401 after its termination: date, same-drug code valid then',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J74‸01*500*UN*135***1~\nDTP*472*D8*20251105~'),
    expect: {
      parts: ['**J7401**', '1 unit = 10 mcg', 'terminated on 2021-03-31, not valid on the date of service 2025-11-05', 'Codes for the same drug valid then: **J7402**'],
      absent: ['active on'],
    },
  },
  {
    name: '837P J7401 before its termination is active and says when it ends',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J74‸01*500*UN*135***1~\nDTP*472*D8*20200105~'),
    expect: { parts: ['active on the date of service 2020-01-05 (added 2019-10-01); ends 2021-03-31'], absent: ['not valid'] },
  },
  {
    name: '837P J7514 before it was added: not yet effective',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J75‸14*50*UN*10***1~\nDTP*472*D8*20240601~'),
    expect: { parts: ['not yet effective on the date of service 2024-06-01: valid from 2025-01-01'], absent: ['active on'] },
  },
  {
    name: '837P NOC code J7599: no billing unit, the NOC guidance after the code file',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J75‸99*100*UN*1***1~\nDTP*472*D8*20251105~'),
    expect: {
      parts: ['**J7599**', 'Not otherwise classified: no billing unit', 'Guidance: Immunosuppressive drug, not otherwise classified (J7599)', GUIDANCE_LINK('J7599')],
      absent: ['1 unit =', 'ASP payment limit'],
    },
  },
  {
    name: '837P J7402 guidance and billing unit in micrograms',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J74‸02*500*UN*135***1~\nDTP*472*D8*20251105~'),
    expect: { parts: ['1 unit = 10 mcg', '135 units = 1,350 mcg', 'Guidance: Mometasone furoate sinus implant, Sinuva (J7402)'] },
  },
  {
    name: '837P modifier JG after its termination: says so and points to TB',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J2357:J‸G*500*UN*30***1~\nDTP*472*D8*20251105~'),
    expect: { token: 'JG', parts: ['**JG**: Drug or biological acquired with 340b', 'use TB instead', 'terminated on the date of service 2025-11-05 (added 2018-01-01, terminated 2024-12-31)', SOURCE], absent: ['Billing unit'] },
  },
  {
    name: '837P modifier KX: descriptor, when it applies, status',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J7507:K‸X*125*UN*5***1~\nDTP*472*D8*20251105~'),
    expect: { parts: ['**KX**: Requirements specified in the medical policy have been met', 'J7500-J7599', 'active on the date of service 2025-11-05'] },
  },
  {
    name: '837P CPT code: no descriptor (AMA copyright)',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:992‸13:25*100*UN*1***1~\nDTP*472*D8*20251105~'),
    expect: { parts: ['**99213**: CPT code — descriptor not included (AMA copyright)', '**25** (CPT modifier): E/M work on the day of a procedure'], absent: ['Billing unit', 'Status'] },
  },
  {
    name: '837P CPT modifier: our description',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:99213:2‸5*100*UN*1***1~\nDTP*472*D8*20251105~'),
    expect: { parts: ['**25** (CPT modifier): E/M work on the day of a procedure'] },
  },
  {
    name: '837P NDC in LIN*N4: the code it bills as and units per package',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J7507:KX*125*UN*5***1~\nDTP*472*D8*20251105~\nLIN**N4*0037‸8204501~\nCTP****5*UN~'),
    expect: { token: '00378204501', parts: ['**NDC 00378-2045-01** — Tacrolimus (Mylan Pharmaceuticals Inc.)', 'Bills as **J7507**', '1 unit = 1 MG', '50 billable units per package'], absent: ['crosswalk maps'] },
  },
  {
    name: '837P NDC of another code: says which code the crosswalk expects',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J7508:KX*125*UN*5***1~\nDTP*472*D8*20251105~\nLIN**N4*0037‸8204501~\nCTP****5*UN~'),
    expect: { parts: ['Bills as **J7507**', 'This line bills **J7508**, but the crosswalk maps this NDC to **J7507**'] },
  },
  {
    name: '837P diagnosis in HI: not a procedure',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J7507:KX*125*UN*5***1~').replace('HI*ABK:N186~', 'HI*ABK:J4‸50~'),
    // no ICD-10-CM list in this context: the card says so (test/unit/features/diagnoses.test.ts has the loaded cards)
    expect: { parts: ['**J450** here is a diagnosis code, not a procedure', 'No ICD-10-CM code list is loaded'], absent: ['Billing unit'] },
  },
  {
    name: '837P unknown Level II code, full release: says it is not in the release',
    lang: 'x12',
    sets: 'full',
    text: x12p('LX*1~\nSV1*HC:J75‸98*100*UN*1***1~\nDTP*472*D8*20251105~'),
    expect: { parts: ['**J7598** is not a HCPCS Level II code in HCPCS Level II, July 2026 (CMS).', SOURCE], absent: ['core code set'] },
  },
  {
    name: 'core set: an unknown code is only "not in the core set", with how to load the release',
    lang: 'x12',
    sets: 'core',
    text: x12p('LX*1~\nSV1*HC:A04‸25*100*UN*1***1~\nDTP*472*D8*20251105~'),
    expect: { parts: ['**A0425** is not in the core code set.', ...CORE_HINT], absent: ['is not a HCPCS'] },
  },
  {
    name: 'core set footer names the core release and how to load the full one',
    lang: 'x12',
    sets: 'core',
    text: x12p(J7507_LINE),
    expect: { parts: ['_Source: HCPCS Level II core set', ...CORE_HINT] },
  },
  {
    name: 'full release footer: no loading hint',
    lang: 'x12',
    sets: 'full',
    text: x12p(J7507_LINE),
    expect: { parts: ['_Source: HCPCS Level II, October 2025 (CMS)_'], absent: ['Only the core code set', 'July 2026'] },
  },
  {
    name: '837P: the cursor between elements has no hover',
    lang: 'x12',
    text: x12p('LX*1~\nSV1*HC:J7507:KX*1‸25*UN*5***1~'),
    expect: { none: true },
  },
  {
    name: '837I SV2 line: date from the line',
    lang: 'x12',
    text: x12i('LX*1~\nSV2*0250*HC:J75‸07*125*UN*5~\nDTP*472*D8*20251103~'),
    expect: { parts: ['**J7507**', '5 units = 5 mg', 'active on the date of service 2025-11-03', 'Warnings on this line', 'missing-kx'], absent: ['Modifiers on this line'] },
  },
  {
    name: 'CSV code column',
    lang: 'csv',
    text: csv(['C1,1,J75‸07,KX,,5,00378204501,2025-11-05']),
    expect: { token: 'J7507', parts: ['**J7507**', '5 units = 5 mg', 'active on the date of service 2025-11-05', '**KX**', 'Guidance: Tacrolimus'] },
  },
  {
    name: 'CSV modifier column',
    lang: 'csv',
    text: csv(['C1,1,J7507,K‸X,,5,00378204501,2025-11-05']),
    expect: { token: 'KX', parts: ['**KX**: Requirements specified'] },
  },
  {
    name: 'FHIR item coding',
    lang: 'json',
    text: fhir(fhirItem('J75‸07', { modifiers: ['KX'], quantity: 5, date: '2025-11-05' })),
    expect: { token: 'J7507', parts: ['**J7507**', '5 units = 5 mg', 'active on the date of service 2025-11-05', '**KX**'] },
  },
  {
    name: 'prose: judged on today, no line units',
    lang: 'plaintext',
    text: 'Patient stable on J75‸20 per transplant team.\n',
    expect: { parts: ['**J7520** — Sirolimus, oral', '1 unit = 1 mg', 'active today (2025-11-20; no date of service in the note)', 'Guidance: Sirolimus, oral (J7520)'], absent: ['This line:', 'on today'] },
  },
  {
    name: 'prose: units written in the note are used',
    lang: 'plaintext',
    text: 'Dispensed tacrolimus J75‸07 x 5 units.\n',
    expect: { parts: ['**J7507**', '5 units = 5 mg'] },
  },
  {
    name: "prose: a named code is judged on the note's date",
    lang: 'plaintext',
    text: '# Visit 2025-11-05\nPatient stable on J75‸20 per transplant team.\n',
    expect: { parts: ['**J7520**', 'active on the date of service 2025-11-05'], absent: ['no date of service in the note'] },
  },
  {
    name: 'prose: a modifier written as a word gets a card',
    lang: 'plaintext',
    text: 'Report 340B drugs with the J‸G modifier.\n',
    expect: { token: 'JG', parts: ['**JG**', 'terminated on today (2025-11-20; no date of service in the note)'] },
  },
  {
    name: 'prose: a modifier word in a dated note is judged on that date',
    lang: 'plaintext',
    text: '## 2024-06-01\nReport 340B drugs with the J‸G modifier.\n',
    expect: { token: 'JG', parts: ['**JG**', 'active on the date of service 2024-06-01'] },
  },
  {
    name: 'prose: a capital pair that is not written as a modifier gets no modifier card',
    lang: 'plaintext',
    text: 'Report 340B drugs with J‸G today.\n',
    expect: { none: true },
  },
  {
    name: 'prose: plain words have no hover',
    lang: 'plaintext',
    text: 'Patient st‸able on J7520.\n',
    expect: { none: true },
  },
];

const sets: [string, () => CodeSet][] = [
  ['core', coreSet],
  ['full', fullSet],
];
for (const [setName, load] of sets) {
  for (const row of rows) {
    const which = row.sets ?? 'both';
    if (which !== 'both' && which !== setName) continue;
    test(`hover [${setName}] ${row.name}`, () => {
      const codeset = load();
      checkHover(row.text, row.expect, { codeset, languageId: row.lang });
    });
  }
}
