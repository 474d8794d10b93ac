// Every real claim file in ../shared/samples, read in place: what each reader must find there.
// Expected values were written down by reading the files (not copied from the reader's output).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/documents/index';
import type { ClaimDocument } from '../../../server/src/model';
import { samplesDir } from '../../support/paths';
import { allLines, checkInvariants, summarise } from './support';
import { reasons } from '../../support/needs';

interface SampleRow {
  file: string;
  format: ClaimDocument['format'];
  claims: number;
  /** every line, or (big files) how often each line summary occurs */
  lines: string[] | Record<string, number>;
  problems?: string[];
  more?: (doc: ClaimDocument, text: string) => void;
}

const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const CPT = 'http://www.ama-assn.org/go/cpt';
const BB = 'https://bluebutton.cms.gov/resources/codesystem/hcpcs';

const rows: SampleRow[] = [
  {
    file: '837p/LinuxForHealth-x12__demo.ambulance.example5.edi',
    format: 'x12',
    claims: 1,
    lines: [
      'SV1 HC:A0427:RH u=1 UN dos=2005-02-08 notes=CARDIAC EMERGENCY',
      'SV1 HC:A0425:RH u=21 UN dos=2005-02-08',
      'SV1 HC:A0422:RH u=1 UN dos=2005-02-08',
      'SV1 HC:A0382:RH u=1 UN dos=2005-02-08',
    ],
    more: (doc) => {
      assert.ok(doc.claims[0].diagnoses.some((d) => d.value === 'E8888'), 'HI E8888 is a diagnosis');
      assert.deepEqual(doc.mentions.map((m) => `${m.code.value}:${m.context}`), ['E8888:diagnosis']);
    },
  },
  {
    file: '837p/LinuxForHealth-x12__demo.drug.example10.1.edi',
    format: 'x12',
    claims: 1,
    lines: ['SV1 HC:90782 u=1 UN dos=2004-07-11', 'SV1 HC:J1550 u=1 UN dos=2004-07-11 ndc=N4 00026063512 q=10 ML'],
    more: (doc) => {
      assert.equal(doc.claims[0].label, 'CLMNO12345 $103.37');
      assert.deepEqual(doc.claims[0].diagnoses.map((d) => d.value), ['03591']);
    },
  },
  {
    file: '837p/LinuxForHealth-x12__demo.drug.example10.2.edi',
    format: 'x12',
    claims: 1,
    lines: [
      'SV1 HC:S9500 u=7 UN dos=2004-02-01',
      'SV1 HC:S5001 u=7 UN dos=2004-02-01 ndc=N4 00004196501 q=7 UN',
      'SV1 HC:S5000 u=14 UN dos=2004-02-01 ndc=N4 63323024910 q=14 UN',
      'SV1 HC:S5000 u=7 UN dos=2004-02-01 ndc=N4 00338004938 q=7 UN',
      'SV1 HC:S5000 u=14 UN dos=2004-02-01 ndc=N4 08290033010 q=14 UN',
      'SV1 HC:S5000 u=7 UN dos=2004-02-01 ndc=N4 08290038005 q=7 UN',
    ],
  },
  {
    file: '837p/LinuxForHealth-x12__demo.example7-oxygen.edi',
    format: 'x12',
    claims: 1,
    lines: ['SV1 HC:E1390:RR u=1 UN dos=2005-03-21', 'SV1 HC:E0431:RR u=1 UN dos=2005-03-21'],
  },
  {
    file: '837p/LinuxForHealth-x12__demo.example8-wheelchair.edi',
    format: 'x12',
    claims: 1,
    lines: ['SV1 HC:K0001:RR:KH:BR u=1 UN dos=2005-03-21'],
  },
  {
    file: '837p/LinuxForHealth-x12__demo.example11-ppo-repriced.edi',
    format: 'x12',
    claims: 1,
    lines: ['SV1 HC:E0570:RR u=1 UN dos=2005-05-14', 'SV1 HC:A7003:NU u=1 UN dos=2005-05-14'],
    problems: ['x12-component-mismatch'],
    more: (doc) => {
      assert.equal(doc.x12?.component, '>');
      assert.equal(doc.claims[0].lines[0].modifierSlot?.prefix, '>');
      assert.deepEqual(doc.claims[0].diagnoses.map((d) => d.value), ['496', '25000']);
    },
  },
  {
    file: '837p/Inteligenz-X12Parser__837P_5010_Example1_2_And_3_Combined.edi',
    format: 'x12',
    claims: 3,
    lines: [
      'SV1 HC:99213 u=1 UN dos=2006-10-03',
      'SV1 HC:87070 u=1 UN dos=2006-10-03',
      'SV1 HC:99214 u=1 UN dos=2006-10-10',
      'SV1 HC:86663 u=1 UN dos=2006-10-10',
      'SV1 HC:99213 u=1 UN dos=2005-10-03',
      'SV1 HC:90782 u=1 UN dos=2005-10-03',
      'SV1 HC:J3301 u=1 UN dos=2005-10-03',
      'SV1 HC:99213 u=1 UN dos=2006-10-03',
      'SV1 HC:87072 u=1 UN dos=2006-10-03',
      'SV1 HC:99214 u=1 UN dos=2006-10-10',
      'SV1 HC:86663 u=1 UN dos=2006-10-10',
    ],
    more: (doc, text) => {
      assert.equal(text.charCodeAt(0), 0xfeff, 'the file starts with a BOM');
      assert.deepEqual(doc.containers.filter((c) => c.kind === 'transaction').map((c) => c.claims.length), [2, 1]);
      assert.deepEqual(doc.claims.map((c) => c.id?.value), ['26463774', '26407789', '26462967']);
      assert.deepEqual(allLines(doc).map((l) => l.sequence?.value), [1, 2, 3, 4, 1, 2, 3, 1, 2, 3, 4]);
      assert.deepEqual(doc.claims[0].diagnoses.map((d) => d.value), ['0340', 'V7389']);
      assert.ok(!allLines(doc).some((l) => l.code.value === 'V7389'), 'V7389 is a diagnosis, not a line');
      assert.ok(doc.mentions.every((m) => m.context === 'diagnosis'));
    },
  },
  {
    file: '837p/Inteligenz-X12Parser__837P_5010_MedicaidExample.edi',
    format: 'x12',
    claims: 5,
    // de-identified: qualifier and codes masked as XX>99999 / XX>X9999; ISA16 is '>'
    lines: [
      'SV1 XX:99999 u=99.99 UN dos=2011-12-12',
      'SV1 XX:X9999 u=9.99 UN dos=2011-12-12',
      'SV1 XX:99999 u=99.99 UN dos=2011-12-13',
      'SV1 XX:X9999 u=9.99 UN dos=2011-12-13',
      'SV1 XX:99999 u=99.99 UN dos=2011-12-14',
      'SV1 XX:X9999 u=9.99 UN dos=2011-12-14',
      'SV1 XX:99999 u=99.99 UN dos=2011-12-12',
      'SV1 XX:X9999 u=9.99 UN dos=2011-12-12',
      'SV1 XX:99999 u=99.99 UN dos=2011-12-14',
      'SV1 XX:X9999 u=9.99 UN dos=2011-12-14',
    ],
    more: (doc) => assert.deepEqual(doc.x12, { element: '*', component: '>', repetition: '|', segment: '~' }),
  },
  {
    file: '837p/imsweb-x12-parser__x12_valid_different_separators.edi',
    format: 'x12',
    claims: 2,
    lines: ['SV1 HC:99211:25 u=1 UN dos=2005-03-14', 'SV1 HC:478331:25 u=1 UN dos=2005-03-22'],
    more: (doc) => {
      assert.deepEqual(doc.x12, { element: '~', component: '^', repetition: '', segment: '_' });
      assert.deepEqual(doc.claims.map((c) => c.diagnoses.map((d) => d.value).join(',')), ['8901,87200,5559', '1987,4134,5559']);
    },
  },
  {
    file: '837p/imsweb-x12-parser__x12_complex.edi',
    format: 'x12',
    claims: 6,
    lines: [
      'SV1 HC:99211:25 u=1 UN dos=2015-03-30 ndc=N4 3920293 q=2 UN',
      'SV1 HC:99211:25 u=1 UN dos=2015-03-31',
      'SV1 HC:478331:25 u=1 UN dos=2016-03-24 ndc=N4 3920293 q=2 UN',
      'SVD HC:2430 u=3 dos=2016-03-24',
      'SV1 HC:478331:25 u=1 UN dos=2017-06-23',
      'SV1 HC:478331:25 u=1 UN dos=2017-06-24',
      'SV1 HC:99211:25 u=1 UN dos=2015-03-30 ndc=N4 3920293 q=2 UN',
      'SV1 HC:99211:25 u=1 UN dos=2015-03-31',
      'SV1 HC:478331:25 u=1 UN dos=2016-03-24 ndc=N4 3920293 q=2 UN',
      'SVD HC:2430 u=3 dos=2016-03-24',
      'SV1 HC:478331:25 u=1 UN dos=2017-06-23',
      'SV1 HC:478331:25 u=1 UN dos=2017-06-24',
    ],
    more: (doc) => assert.equal(doc.containers.filter((c) => c.kind === 'transaction').length, 2),
  },
  {
    file: '837i/LinuxForHealth-x12__institutional-claim.edi',
    format: 'x12',
    claims: 1,
    lines: ['SV2 HC:85025 u=1 UN dos=1996-09-11', 'SV2 HC:93005 u=3 UN dos=1996-09-11'],
    more: (doc) => {
      assert.equal(doc.claims[0].serviceDate?.value, '1996-09-11', 'DTP*434 statement date');
      assert.deepEqual(doc.claims[0].diagnoses.map((d) => d.value), ['3669', '4019', '79431']);
    },
  },
  {
    file: '837i/Inteligenz-X12Parser__837I_5010_Spec_3.1.1.edi',
    format: 'x12',
    claims: 1,
    lines: ['SV2 HC:85025 u=1 UN dos=1996-09-11', 'SV2 HC:93005 u=3 UN dos=1996-09-11'],
    problems: ['x12-component-mismatch'],
    more: (doc) => assert.equal(doc.x12?.component, ':'),
  },
  {
    file: '835/CloverHealth-pyx12__835_mult_loops.edi',
    format: 'x12',
    claims: 1,
    lines: ['SVC HC:T1005 u=68 dos=2003-11-29', 'SVC HC:T1005 u=16 dos=2003-10-30', 'SVC HC:T1005 u=36 dos=2003-10-31'],
    // CLP03 charged, CLP04 paid (not CLP02, the status)
    more: (doc) => assert.equal(doc.claims[0].label, '2005555A $915.39 paid $0'),
  },
  {
    file: '835/tastypackets-x12-parser__profee-multiple.edi',
    format: 'x12',
    claims: 468,
    lines: {
      'SVC HC:V2020:RB u=1 dos=2010-01-01': 312,
      'SVC HC:V2700:RB u=1 dos=2010-01-01': 156,
      'SVC HC:V2700:RB u=0 dos=2010-01-01': 156,
      'SVC HC:V2103:RB u=1 dos=2010-01-01': 156,
      'SVC HC:V2103:RB u=1 dos=2013-09-17': 156,
      'SVC HC:S0580 u=2 dos=2010-01-01': 156,
      'SVC HC:S0580 u=0 dos=2010-01-01': 156,
      'SVC HC:V2020 u=0 dos=2010-01-01': 156,
      'SVC HC:V2103 u=0 dos=2010-01-01': 156,
    },
    more: (doc) => {
      assert.equal(allLines(doc).length, 1560);
      assert.equal(doc.containers.filter((c) => c.kind === 'interchange').length, 156);
      assert.equal(doc.containers.filter((c) => c.kind === 'transaction').length, 156);
      assert.ok(doc.claims.every((c) => c.label.startsWith('PATIENT ACCOUNT NUMBER $')));
    },
  },
  {
    file: 'csv/CMSgov-beneficiary-fhir-data__rif-synthea_carrier.csv',
    format: 'csv',
    claims: 11,
    lines: [
      'csv G0444 u=9 dos=2015-05-30',
      'csv G0444 u=11 dos=2016-06-04',
      'csv G0444 u=17 dos=2018-06-16',
      'csv G9572 u=17 dos=2018-06-16',
      'csv G0444 u=15 dos=2019-06-22',
      'csv G0444 u=6 dos=2020-06-27',
      'csv G0444 u=18 dos=2015-03-01',
      'csv G0444 u=14 dos=2016-03-06',
      'csv G0444 u=20 dos=2018-03-18',
      'csv G0444 u=16 dos=2019-03-24',
      'csv G0444 u=20 dos=2020-03-29',
      'csv G0444 u=18 dos=2021-04-04',
    ],
    more: (doc) => {
      const claim = doc.claims.find((c) => c.id?.value === '-100000493')!;
      assert.equal(claim.lines.length, 2, 'two coded rows share CLM_ID -100000493');
      assert.ok(allLines(doc).every((l) => l.sequence !== undefined), 'LINE_NUM');
      assert.ok(doc.mentions.length > 0 && doc.mentions.every((m) => m.context === 'diagnosis'), 'ICD columns give diagnosis mentions');
      const codes = new Set(doc.mentions.map((m) => m.code.value));
      for (const c of ['E1022', 'I4891', 'E1122', 'I1310', 'E1121', 'N3020', 'N3080', 'G4733', 'E8881']) assert.ok(codes.has(c), `${c} mentioned`);
      assert.ok(allLines(doc).every((l) => l.modifierSlot), 'empty modifier columns give a slot');
    },
  },
  {
    file: 'csv/CMSgov-beneficiary-fhir-data__sample-a-bcarrier-multiple-lines.psv',
    format: 'csv',
    claims: 1,
    lines: ['92999', '92998', '92997', '92996', '92995', '92994', '92993'].map((c) => `csv ${c}:LT u=1 dos=1999-10-27`),
    more: (doc) => {
      assert.equal(doc.claims[0].id?.value, '9991831999');
      assert.deepEqual(doc.claims[0].diagnoses.map((d) => d.value), ['A02', 'A06', 'B04', 'B05', 'A52']);
    },
  },
  {
    file: 'fhir/CMSgov-ab2d__EOB-for-1-R4v3.json',
    format: 'fhir',
    claims: 1,
    lines: [
      `fhir ${HCPCS}:J2270:22:U6:28 u=2.82 dos=2022-07-27 ndc=00264180031 q=790.92 ML`,
      `fhir ${CPT}:99213 u=4.17 dos=2022-07-27`,
      `fhir ${HCPCS}:J2270:PC:PC:22:1P:28 u=2.33 dos=2022-07-27`,
      `fhir ${CPT}:99453:1P:1P:US:US u=1.82 dos=2022-07-27 ndc=00338004904 q=344.91 ML`,
      `fhir ${HCPCS}:J2270:22:32:PC u=1.86 dos=2022-07-27 ndc=00264180031 q=259.81 ML`,
      `fhir ${HCPCS}:J2270:US:23:32:22:32 u=2.85 dos=2022-07-27`,
      `fhir ${CPT}:99213:PC:PD:32:23 u=0.32 dos=2022-07-27 ndc=00264180032 q=397.61 ML`,
      `fhir ${HCPCS}:J2270 u=2.9 dos=2022-07-27`,
      `fhir ${CPT}:99213:28:U6:23 u=3.92 dos=2022-07-27`,
      `fhir ${HCPCS}:J2270:US:PD:23:22:28 u=1.99 dos=2022-07-27`,
      `fhir ${CPT}:99213:1P u=1.16 dos=2022-07-27`,
      `fhir ${HCPCS}:J2270:1P:28 u=4.4 dos=2022-07-27`,
      `fhir ${HCPCS}:J2270 u=4.2 dos=2022-07-27`,
    ],
    more: (doc) => {
      assert.equal(allLines(doc).filter((l) => l.code.value === 'J2270').length, 8);
      assert.deepEqual(allLines(doc).map((l) => l.sequence?.value), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      assert.equal(doc.claims[0].diagnoses.length > 0, true);
    },
  },
  {
    file: 'fhir/CMSgov-bcda-app__synthetic_ExplanationOfBenefit.json',
    format: 'fhir',
    claims: 33,
    lines: {},
    more: (doc, text) => {
      assert.equal(text.split('\n').filter(Boolean).length, 1, 'minified on one line');
      assert.equal(doc.containers.length, 1);
      assert.equal(doc.containers[0].kind, 'bundle');
      assert.equal(doc.containers[0].claims.length, 33);
      const lines = allLines(doc);
      assert.equal(lines.length, 52);
      assert.ok(lines.every((l) => l.qualifier?.value === BB && l.units?.value === 1 && l.serviceDate));
      const count = (code: string) => lines.filter((l) => l.code.value === code).length;
      assert.deepEqual([count('99213'), count('G0001'), count('99214'), count('A0427'), count('A0390'), count('71020')], [8, 7, 5, 1, 1, 3]);
      const a0427 = lines.find((l) => l.code.value === 'A0427')!;
      assert.deepEqual(a0427.modifiers.map((m) => m.value), ['99999', '99999']);
      assert.equal(a0427.serviceDate?.value, '2001-08-01', 'STU3 servicedPeriod.start');
    },
  },
];

function histogram(list: string[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const s of list) h[s] = (h[s] ?? 0) + 1;
  return h;
}

function checkSample(dir: string, row: SampleRow): void {
  const text = readFileSync(join(dir, row.file), 'utf8');
  const doc = parseDocument(text, { uri: `file:///samples/${row.file}` });
  assert.equal(doc.format, row.format);
  assert.equal(doc.claims.length, row.claims);
  if (Array.isArray(row.lines)) assert.deepEqual(summarise(doc), row.lines);
  else if (Object.keys(row.lines).length) assert.deepEqual(histogram(summarise(doc)), row.lines);
  assert.deepEqual(doc.problems.map((p) => p.id), row.problems ?? []);
  checkInvariants(text, doc);
  row.more?.(doc, text);
}

const dir = samplesDir();
for (const row of rows) {
  test(`sample ${row.file}`, (t) => {
    if (!dir) return t.skip(reasons.samples);
    checkSample(dir, row);
  });
}

test('samples: every sample file has a row here', (t) => {
  if (!dir) return t.skip(reasons.samples);
  const { readdirSync, statSync } = require('node:fs') as typeof import('node:fs');
  const files = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).flatMap((d) => readdirSync(join(dir, d)).map((f) => `${d}/${f}`));
  assert.deepEqual(files.sort(), rows.map((r) => r.file).sort());
});
