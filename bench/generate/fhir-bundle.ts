// A synthetic FHIR R4 Bundle of Claim resources, pretty-printed as servers export them. Items carry
// HCPCS codings (both the https and the older http system URL), modifiers, quantities, dates.
import { createRng } from './prng';
import { planClaim, type PlannedClaim } from './lines';
import { DEFAULT_PROBLEM_RATE, emptyProblemCounts, type Generated, type GeneratorOptions } from './types';

const HCPCS_HTTPS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const HCPCS_HTTP = 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const ENTRY_INDENT = '    ';

function claimResource(claim: PlannedClaim, system: string): unknown {
  return {
    fullUrl: `urn:uuid:bench-claim-${claim.id}`,
    resource: {
      resourceType: 'Claim',
      id: claim.id,
      status: 'active',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      use: 'claim',
      patient: { reference: `Patient/bench-${claim.id}` },
      created: '2025-11-05',
      provider: { reference: 'Organization/bench-clinic' },
      priority: { coding: [{ code: 'normal' }] },
      diagnosis: claim.diagnoses.map((d, i) => ({
        sequence: i + 1,
        diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: d }] },
      })),
      insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/bench-medicare-b' } }],
      item: claim.lines.map((line, i) => ({
        sequence: i + 1,
        productOrService: { coding: [{ system, code: line.code }], ...(line.description ? { text: line.description } : {}) },
        ...(line.modifiers.length ? { modifier: line.modifiers.map((m) => ({ coding: [{ system, code: m }] })) } : {}),
        servicedDate: line.date ?? claim.date,
        quantity: { value: Number(line.units) },
        net: { value: Number(line.charge), currency: 'USD' },
        ...(line.ndc
          ? { detail: [{ sequence: 1, productOrService: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: line.ndc.ndc }] }, quantity: { value: Number(line.ndc.quantity), unit: line.ndc.unit } }] }
          : {}),
      })),
      total: { value: Number(claim.total), currency: 'USD' },
    },
  };
}

export function generateFhirBundle(options: GeneratorOptions): Generated {
  const rng = createRng(options.seed);
  const problemRate = options.problemRate ?? DEFAULT_PROBLEM_RATE;
  const head = '{\n  "resourceType": "Bundle",\n  "id": "bench-bundle",\n  "type": "collection",\n  "entry": [\n';
  const parts: string[] = [head];
  let length = head.length;
  const codeOffsets: number[] = [];
  const problems = emptyProblemCounts();
  let claims = 0;
  let lines = 0;
  while (length < options.targetBytes) {
    claims++;
    const claim = planClaim(rng, claims, problemRate);
    const system = rng.chance(0.85) ? HCPCS_HTTPS : HCPCS_HTTP;
    const json = (claims > 1 ? ',\n' : '') + ENTRY_INDENT + JSON.stringify(claimResource(claim, system), null, 2).replace(/\n/g, '\n' + ENTRY_INDENT);
    // code offsets: each item's HCPCS coding code, in item order (NDC details are skipped)
    let from = 0;
    for (const line of claim.lines) {
      let codeAt = -1;
      while (codeAt < 0) {
        const at = json.indexOf('"productOrService"', from);
        if (at < 0) throw new Error(`no HCPCS coding for ${line.code} in claim ${claim.id}`);
        const codeKey = json.indexOf('"code": "', at) + '"code": "'.length;
        from = codeKey;
        if (json.lastIndexOf(`"system": "${system}"`, codeKey) > at) codeAt = codeKey;
      }
      codeOffsets.push(length + codeAt);
      lines++;
      if (line.problem) problems[line.problem]++;
    }
    parts.push(json);
    length += json.length;
  }
  const tail = '\n  ]\n}\n';
  parts.push(tail);
  return { text: parts.join(''), claims, lines, codeOffsets, problems };
}
