// Re-validation after a one-character edit inside one claim of the 10 MB 837: the editor sends the
// change, the server applies it to a new TextDocument version and asks for diagnostics again.
// Reported as is: the service re-parses and re-checks the whole document on a new version.
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createRng } from '../generate/prng';
import { benchService } from '../lib/service';
import { summarize } from '../lib/stats';
import { collectGarbage, now } from '../lib/timing';
import type { RunContext } from '../context';

/** the first digit of the SV104 units of the service line whose code starts at `codeAt` */
function unitsDigit(text: string, codeAt: number): number {
  return text.indexOf('*UN*', codeAt) + 4;
}

export function measureEdit(ctx: RunContext): void {
  const section = 'Re-validation after a one-character edit (10 MB 837)';
  const file = ctx.file('837p-10mb');
  const rng = createRng(ctx.seed + 2);
  const service = benchService(ctx.codeset);
  let doc = TextDocument.create(`file:///bench/${file.spec.fileName}`, file.spec.languageId, 1, readFileSync(file.path, 'utf8'));
  service.diagnostics(doc); // version 1, validated as on open
  const apply: number[] = [];
  const revalidate: number[] = [];
  let diagnostics = 0;
  const offsets = file.generated.codeOffsets;
  for (let i = 0; i < ctx.reps(10, 3); i++) {
    // a claim from the middle half of the file, its units' first digit replaced by another digit
    const at = unitsDigit(doc.getText(), offsets[rng.int(offsets.length >> 2, (offsets.length * 3) >> 2)]);
    const old = doc.getText()[at];
    const digit = old === '9' ? '1' : String(Number(old) + 1);
    collectGarbage();
    let t0 = now();
    doc = TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: digit }], doc.version + 1);
    apply.push(now() - t0);
    t0 = now();
    diagnostics = service.diagnostics(doc).length;
    revalidate.push(now() - t0);
  }
  ctx.report.add({
    section,
    name: 'apply the edit (TextDocument.update)',
    unit: 'ms',
    stats: summarize(apply),
  });
  ctx.report.add({
    section,
    name: 'diagnostics on the new version',
    unit: 'ms',
    stats: summarize(revalidate),
    target: { stat: 'median', op: '<', limit: 100 },
    note: `${diagnostics} diagnostics`,
  });
}
