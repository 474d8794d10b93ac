// Child process to run under `node --cpu-prof`: one task on one file, nothing else, so the profile
// shows only that task. Usage:
//   node --cpu-prof --cpu-prof-dir=DIR profile-target.js <parse|validate|hover|edit> <file> <languageId> <codeset.json>
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadIndex } from '../../server/src/codeset/index';
import { parseDocument } from '../../server/src/documents/index';
import { createRng } from '../generate/prng';
import { benchService } from '../lib/service';
import { now } from '../lib/timing';

const [task, file, languageId, indexFile] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const codeset = loadIndex(readFileSync(indexFile, 'utf8'));
const service = benchService(codeset, { maxValidationBytes: text.length + 1 });
const uri = `file:///bench/${file.split('/').pop()}`;
const t0 = now();
let detail = '';
switch (task) {
  case 'parse':
    for (let i = 0; i < 3; i++) detail = `${parseDocument(text, { languageId, uri }).claims.length} claims`;
    break;
  case 'validate':
    for (let i = 0; i < 2; i++) detail = `${service.diagnostics(TextDocument.create(`${uri}${i}`, languageId, 1, text)).length} diagnostics`;
    break;
  case 'hover': {
    // hovers over every service line's code, after one untimed analysis
    const doc = TextDocument.create(uri, languageId, 1, text);
    const lines = service.model(doc).claims.flatMap((c) => c.lines);
    service.diagnostics(doc);
    const rng = createRng(1);
    const slow: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) {
      const line = rng.pick(lines);
      const t = now();
      service.hover(doc, doc.positionAt(line.code.range.start + 1));
      const ms = now() - t;
      if (ms > 5) slow[line.code.value] = (slow[line.code.value] ?? 0) + 1;
    }
    detail = `slow hovers by code: ${JSON.stringify(slow)}`;
    break;
  }
  default:
    throw new Error(`unknown task ${task}`);
}
process.stdout.write(`${task} ${file}: ${(now() - t0).toFixed(0)} ms; ${detail}\n`);
