// Validators for the two published output schemas the CLI tests check against: our NDJSON record
// schema (schemas/) and the OASIS SARIF 2.1.0 schema (shipped as JSON by @microsoft/jest-sarif).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { repoRoot } from '../../support/paths';

type Validate = (value: unknown) => string[];

const describe = (errors: { instancePath: string; message?: string }[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);

let ndjson: Validate | undefined;
/** the violations of one --format ndjson record, [] when it is valid */
export function ndjsonViolations(record: unknown): string[] {
  if (!ndjson) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const check = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schemas/hcpcs-check-ndjson.schema.json'), 'utf8')));
    ndjson = (v) => (check(v) ? [] : describe(check.errors));
  }
  return ndjson(record);
}

let sarif: Validate | undefined;
/** the violations of a SARIF log against the SARIF 2.1.0 JSON Schema (draft-04), [] when it is valid */
export function sarifSchemaViolations(log: unknown): string[] {
  if (!sarif) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }) // the schema's language pattern is not valid with the u flag;
    const schema = JSON.parse(readFileSync(join(repoRoot, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const check = ajv.compile(schema);
    sarif = (v) => (check(v) ? [] : describe(check.errors));
  }
  return sarif(log);
}
