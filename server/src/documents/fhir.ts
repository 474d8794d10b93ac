// FHIR Claim / ExplanationOfBenefit JSON (R4 productOrService, STU3 service), alone, in Bundles
// (entry[].resource) or as NDJSON -> ClaimDocument.
import type { Claim, ClaimDocument, Container, ServiceLine, Span } from '../model';
import { span } from '../model';
import { isLevel2 } from './chars';
import { toIsoDate } from './dates';
import { isNdcFiller } from './fillers';
import { findDoses, type DrugNamePredicate } from './doses';
import { items, member, memberEntry, parseJson, stringValue, type JsonNode, type JsonObject, type JsonString } from '../base/json';
import { addProblem, emptyDocument } from './problems';
import { appendAll } from '../base/arrays';

export interface FhirOptions {
  isDrugName?: DrugNamePredicate;
}

export const HCPCS_SYSTEM = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const HCPCS_SYSTEMS = new Set([
  HCPCS_SYSTEM,
  'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'https://bluebutton.cms.gov/resources/codesystem/hcpcs',
  'http://bluebutton.cms.gov/resources/codesystem/hcpcs',
  'urn:oid:2.16.840.1.113883.6.285',
]);
const CPT_SYSTEMS = new Set(['http://www.ama-assn.org/go/cpt', 'https://www.ama-assn.org/go/cpt', 'urn:oid:2.16.840.1.113883.6.12']);

export function isHcpcsSystem(system: string): boolean {
  return HCPCS_SYSTEMS.has(system.replace(/\/+$/, ''));
}
export function isCptSystem(system: string): boolean {
  return CPT_SYSTEMS.has(system.replace(/\/+$/, ''));
}

const CLAIM_TYPES = new Set(['Claim', 'ExplanationOfBenefit']);
const MAX_BUNDLE_DEPTH = 8;

export function readFhir(text: string, options: FhirOptions = {}): ClaimDocument {
  const doc = emptyDocument('fhir', text.length);
  const parsed = parseJson(text);
  // syntax problems are ours to report only in FHIR files; other JSON has its own tooling
  if (text.includes('"resourceType"')) for (const p of parsed.problems) addProblem(doc.problems, p);

  const resource = (node: JsonNode | undefined, depth: number, container: Container | undefined): void => {
    if (!node || depth > MAX_BUNDLE_DEPTH) return;
    if (node.kind === 'array') {
      for (const item of node.items) resource(item, depth + 1, container);
      return;
    }
    if (node.kind !== 'object') return;
    const type = stringValue(member(node, 'resourceType'))?.value;
    if (type === 'Bundle') {
      const bundleType = stringValue(member(node, 'type'))?.value;
      const bundle: Container = { kind: 'bundle', label: `Bundle${bundleType ? ` (${bundleType})` : ''}`, range: { start: node.start, end: node.end }, claims: [] };
      doc.containers.push(bundle);
      for (const entry of items(member(node, 'entry'))) resource(member(entry, 'resource'), depth + 1, bundle);
      return;
    }
    if (type && CLAIM_TYPES.has(type)) {
      const claim = readClaim(text, node, type, doc, options);
      doc.claims.push(claim);
      if (container) container.claims.push(claim);
    }
  };
  for (const v of parsed.values) resource(v, 0, undefined);
  return doc;
}

function readClaim(text: string, node: JsonObject, type: string, doc: ClaimDocument, options: FhirOptions): Claim {
  const id = stringSpan(member(node, 'id'));
  const claim: Claim = {
    id,
    range: { start: node.start, end: node.end },
    diagnoses: [],
    lines: [],
    label: `${type} ${id?.value ?? '(no id)'}`,
  };
  const claimDate = dateSpan(member(member(node, 'billablePeriod'), 'start'));
  if (claimDate) claim.serviceDate = claimDate;

  for (const diagnosis of items(member(node, 'diagnosis'))) {
    const sequenceNode = member(diagnosis, 'sequence');
    const sequence = sequenceNode?.kind === 'number' && Number.isInteger(sequenceNode.value) ? sequenceNode.value : undefined;
    const principal = items(member(diagnosis, 'type')).some((type) =>
      items(member(type, 'coding')).some((c) => stringSpan(member(c, 'code'))?.value === 'principal'),
    );
    for (const coding of items(member(member(diagnosis, 'diagnosisCodeableConcept'), 'coding'))) {
      const code = stringSpan(member(coding, 'code'));
      if (!code) continue;
      const system = stringSpan(member(coding, 'system'))?.value ?? '';
      claim.diagnoses.push({
        ...code,
        position: sequence ?? claim.diagnoses.length + 1,
        system: /icd-10/i.test(system) ? 'icd10' : /icd-9/i.test(system) ? 'icd9' : 'unknown',
        principal: principal || (sequence ?? claim.diagnoses.length + 1) === 1,
      });
      if (isLevel2(code.value)) doc.mentions.push({ code, context: 'diagnosis', modifiers: [] });
    }
  }

  for (const item of items(member(node, 'item'))) {
    if (item.kind !== 'object') continue;
    const line = readItem(text, item, claim, options);
    if (line) claim.lines.push(line);
  }
  return claim;
}

function readItem(text: string, item: JsonObject, claim: Claim, options: FhirOptions): ServiceLine | undefined {
  const concept = member(item, 'productOrService') ?? member(item, 'service'); // R4 / STU3
  const coding = pickCoding(items(member(concept, 'coding')));
  if (!coding) return undefined;
  const code = stringSpan(member(coding, 'code'))!;
  const line: ServiceLine = { source: 'fhir', range: { start: item.start, end: item.end }, code, modifiers: [], notes: [], doses: [] };
  const system = stringSpan(member(coding, 'system'));
  if (system) line.qualifier = system;

  const modifierEntry = memberEntry(item, 'modifier');
  for (const modifier of items(modifierEntry?.value)) {
    for (const c of items(member(modifier, 'coding'))) {
      const m = stringSpan(member(c, 'code'));
      if (m) line.modifiers.push(m);
    }
  }
  if (line.modifiers.length < 4) line.modifierSlot = modifierSlot(text, item, modifierEntry?.value);

  const sequence = member(item, 'sequence');
  if (sequence && sequence.kind === 'number' && !Number.isNaN(sequence.value)) line.sequence = span(sequence.value, sequence.start, sequence.end);
  const pointers = memberEntry(item, 'diagnosisSequence')?.value;
  if (pointers) {
    // whole numbers as written (a rule says when one names no diagnosis.sequence); others are not pointers
    line.diagnosisPointers = items(pointers).flatMap((p) => (p.kind === 'number' && Number.isInteger(p.value) ? [span(p.value, p.start, p.end)] : []));
  }
  const quantity = member(member(item, 'quantity'), 'value');
  if (quantity && quantity.kind === 'number') {
    line.unitsText = span(quantity.raw, quantity.start, quantity.end);
    if (!Number.isNaN(quantity.value)) line.units = span(quantity.value, quantity.start, quantity.end);
  }
  const date = dateSpan(member(item, 'servicedDate')) ?? dateSpan(member(member(item, 'servicedPeriod'), 'start')) ?? claim.serviceDate;
  if (date) line.serviceDate = date;

  const description = stringSpan(member(concept, 'text')) ?? stringSpan(member(coding, 'display'));
  if (description) {
    line.description = description;
    appendAll(line.doses, findDoses(text, description.range.start, description.range.end, options.isDrugName));
  }
  const net = member(member(item, 'net'), 'value');
  if (net && net.kind === 'number' && !Number.isNaN(net.value)) line.charge = span(net.value, net.start, net.end);

  readNdc(item, line);
  return line;
}

/** the HCPCS coding if there is one, else the CPT one, else the first coding with a code */
function pickCoding(codings: JsonNode[]): JsonNode | undefined {
  const withCode = codings.filter((c) => stringSpan(member(c, 'code')));
  const system = (c: JsonNode) => stringValue(member(c, 'system'))?.value ?? '';
  return withCode.find((c) => isHcpcsSystem(system(c))) ?? withCode.find((c) => isCptSystem(system(c))) ?? withCode[0];
}

/** the NDC on the item: a detail's productOrService (with that detail's quantity), or an extension valueCoding */
function readNdc(item: JsonObject, line: ServiceLine): void {
  const isNdc = (c: JsonNode) => /ndc/i.test(stringValue(member(c, 'system'))?.value ?? '');
  for (const detail of items(member(item, 'detail'))) {
    const coding = items(member(member(detail, 'productOrService') ?? member(detail, 'service'), 'coding')).find(isNdc);
    const code = stringSpan(member(coding, 'code'));
    if (!code || isNdcFiller(code.value)) continue;
    line.ndc = code;
    const quantity = member(detail, 'quantity');
    const value = member(quantity, 'value');
    if (value && value.kind === 'number' && !Number.isNaN(value.value)) line.ndcQuantity = span(value.value, value.start, value.end);
    const unit = stringSpan(member(quantity, 'unit')) ?? stringSpan(member(quantity, 'code'));
    if (unit) line.ndcUnit = unit;
    return;
  }
  for (const ext of items(member(item, 'extension'))) {
    const coding = member(ext, 'valueCoding');
    const code = coding && isNdc(coding) ? stringSpan(member(coding, 'code')) : undefined;
    if (code && !isNdcFiller(code.value)) {
      line.ndc = code;
      return;
    }
  }
}

/**
 * Where a new modifier goes: appended to an existing "modifier" array, or as a new "modifier"
 * property after the item's last property. The inserted text keeps the JSON valid.
 */
function modifierSlot(text: string, item: JsonObject, modifiers: JsonNode | undefined): ServiceLine['modifierSlot'] {
  const codingOf = `{"coding": [{"system": "${HCPCS_SYSTEM}", "code": "`;
  const closeCoding = '"}]}';
  if (modifiers && modifiers.kind === 'array') {
    const last = modifiers.items[modifiers.items.length - 1];
    if (last) return { offset: last.end, prefix: `, ${codingOf}`, suffix: closeCoding };
    if (text.charCodeAt(modifiers.start) === 91) return { offset: modifiers.start + 1, prefix: codingOf, suffix: closeCoding };
    return undefined;
  }
  if (modifiers) return undefined; // "modifier" present but not an array: no safe place
  const lastMember = item.members[item.members.length - 1];
  if (lastMember) {
    if (!lastMember.value) return undefined;
    return { offset: lastMember.value.end, prefix: `, "modifier": [${codingOf}`, suffix: `${closeCoding}]` };
  }
  return { offset: item.start + 1, prefix: `"modifier": [${codingOf}`, suffix: `${closeCoding}]` };
}

function stringSpan(node: JsonNode | undefined): Span<string> | undefined {
  const s: JsonString | undefined = stringValue(node);
  if (!s || !s.value.trim()) return undefined;
  return span(s.value, s.valueStart, s.valueEnd);
}

function dateSpan(node: JsonNode | undefined): Span<string> | undefined {
  const s = stringValue(node);
  const iso = s ? toIsoDate(s.value) : undefined;
  return s && iso ? span(iso, s.valueStart, s.valueStart + Math.min(10, s.valueEnd - s.valueStart)) : undefined;
}
