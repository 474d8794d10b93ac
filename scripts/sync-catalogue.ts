// Writes the catalogue's ids into the two lists editors read: the JSON Schema of .hcpcsrc.json and
// the hcpcs.rules setting in package.json. Run by scripts/build.mjs; a file is written only when its
// list changed, and test/unit/structure/catalogue.test.ts fails if a build was skipped.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingIds } from '../server/src/checks/catalogue';

const root = process.argv[2] ?? process.cwd();

/** JSON as the repository writes it: two spaces, non-ASCII escaped (package.json's style), final newline */
const format = (value: unknown) => `${JSON.stringify(value, null, 2).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;

function update(file: string, edit: (json: Record<string, any>) => void): void {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const json = JSON.parse(before);
  edit(json);
  const after = format(json);
  // a file written in another style (not escaped) is left alone when only the style would change
  if (after !== before && format(JSON.parse(before)) !== after) {
    writeFileSync(path, after);
    console.log(`sync-catalogue: ${file} now names ${findingIds.length} ids`);
  }
}

update('schemas/hcpcsrc.schema.json', (schema) => {
  schema.properties.rules.propertyNames.enum = [...findingIds];
});
update('package.json', (pkg) => {
  pkg.contributes.configuration.properties['hcpcs.rules'].propertyNames.enum = [...findingIds];
});
