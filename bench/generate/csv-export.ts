// A synthetic claim-line export as a billing system writes it: comma-separated, one row per service
// line, a header the CSV reader recognises by name, quoted description cells, MM/DD/YYYY dates, CRLF.
import { createRng } from './prng';
import { planClaim } from './lines';
import { DEFAULT_PROBLEM_RATE, emptyProblemCounts, type Generated, type GeneratorOptions } from './types';

const HEADER = 'Claim ID,Line,Service Date,HCPCS,Modifier 1,Modifier 2,Modifier 3,Modifier 4,Units,NDC,Charge,Description,Diagnosis 1';
const EOL = '\r\n';

function usDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

export function generateCsv(options: GeneratorOptions): Generated {
  const rng = createRng(options.seed);
  const problemRate = options.problemRate ?? DEFAULT_PROBLEM_RATE;
  const parts: string[] = [HEADER + EOL];
  let length = parts[0].length;
  const codeOffsets: number[] = [];
  const problems = emptyProblemCounts();
  let claims = 0;
  let lines = 0;
  while (length < options.targetBytes) {
    claims++;
    const claim = planClaim(rng, claims, problemRate);
    claim.lines.forEach((line, i) => {
      lines++;
      if (line.problem) problems[line.problem]++;
      const mods = [0, 1, 2, 3].map((m) => line.modifiers[m] ?? '');
      const text = line.description ?? line.note ?? '';
      const head = `${claim.id},${i + 1},${usDate(line.date ?? claim.date ?? '2025-07-01')},`;
      codeOffsets.push(length + head.length);
      const row =
        head +
        [line.code, ...mods, line.units, line.ndc?.ndc ?? '', line.charge, text ? `"${text}"` : '', claim.diagnoses[0]].join(',') +
        EOL;
      parts.push(row);
      length += row.length;
    });
  }
  return { text: parts.join(''), claims, lines, codeOffsets, problems };
}
