// A synthetic billing note in Markdown: visit paragraphs that name codes the way people write them
// ("J7507-KX x 120 units", "J1745 (infliximab 10 mg)"), a few wrong drug names next to a code, and
// the look-alikes a prose reader must not take for codes (ICD-10 with a dot, LCD ids, plan ids).
import { createRng, type Rng } from './prng';
import { catalog } from './catalog';
import { planLine } from './lines';
import { DEFAULT_PROBLEM_RATE, emptyProblemCounts, type Generated, type GeneratorOptions } from './types';

const drugCodes = catalog.filter((c) => c.drug && c.unitDose);
const lookAlikes = [
  'Diagnoses on file: F10.20, E11.9 and Z94.0.',
  'Coverage follows LCD L33831 for this service.',
  'Member is enrolled in plan H1225-001 (contract H1225, PBP 001).',
  'Prior authorization was faxed to the plan S4607 office.',
  'See https://example.invalid/policies/J7507-guidance for the payer bulletin.',
  'CPT II code 1036F was reported for tobacco screening.',
];

/** Builds the text while remembering where each code starts. */
class NoteWriter {
  readonly parts: string[] = [];
  length = 0;
  readonly codeOffsets: number[] = [];
  text(s: string): this {
    this.parts.push(s);
    this.length += s.length;
    return this;
  }
  code(code: string): this {
    if (code.charCodeAt(0) <= 57) this.text('CPT '); // people label Level I codes in notes
    this.codeOffsets.push(this.length);
    return this.text(code);
  }
}

function visitParagraph(w: NoteWriter, rng: Rng, visit: number, problemRate: number, counts: ReturnType<typeof emptyProblemCounts>): void {
  w.text(`## Visit ${visit}\n\n`);
  const sentences = rng.int(2, 5);
  for (let s = 0; s < sentences; s++) {
    const line = planLine(rng, problemRate);
    const entry = drugCodes.find((c) => c.code === line.code);
    let form = rng.int(0, 4);
    if (form === 2 && !entry) form = 0; // "code (drug dose)" only for drug codes
    if (line.problem && form !== 4) counts[line.problem]++;
    const mods = line.modifiers.length ? '-' + line.modifiers.join('-') : '';
    switch (form) {
      case 0:
        w.text('Billed ').code(line.code).text(`${mods} x ${line.units} units`).text(line.drug ? ` for ${line.drug}.` : '.');
        break;
      case 1:
        w.text(`Gave ${line.units} units of `).code(line.code).text(`${mods} today.`);
        break;
      case 2: {
        // now and then a wrong drug name next to the code: the drug-mismatch check's job
        const named = entry && rng.chance(0.85) ? entry : rng.pick(drugCodes);
        w.code(line.code).text(` (${named.drug} ${named.unitDose}) qty ${line.units}.`);
        break;
      }
      case 3:
        w.text(`Refill: ${line.drug || 'supplies'} dispensed, code `).code(line.code).text(`${mods}, ${line.units} units.`);
        break;
      default:
        w.text(rng.pick(lookAlikes));
    }
    w.text(s + 1 < sentences ? ' ' : '\n\n');
  }
}

export function generateProseNote(options: GeneratorOptions): Generated {
  const rng = createRng(options.seed);
  const problemRate = options.problemRate ?? DEFAULT_PROBLEM_RATE;
  const w = new NoteWriter();
  const problems = emptyProblemCounts();
  w.text('# Infusion clinic billing notes (synthetic)\n\n');
  let visits = 0;
  while (w.length < options.targetBytes) {
    visits++;
    visitParagraph(w, rng, visits, problemRate, problems);
  }
  return { text: w.parts.join(''), claims: visits, lines: w.codeOffsets.length, codeOffsets: w.codeOffsets, problems };
}
