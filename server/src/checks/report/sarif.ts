// SARIF 2.1.0 for code-scanning tools: one run, the rules with their help, one result per finding.
// Locations are relative to %SRCROOT% (the folder the check ran in), so a dashboard can resolve them
// against its own checkout.
import type { LocatedFinding, Range1 } from './located';
import type { Severity } from '../types';

export const SRCROOT = '%SRCROOT%';

export interface SarifRuleInfo {
  id: string;
  /** one line */
  title: string;
  /** a paragraph */
  description?: string;
  /** the rule's page (Markdown) */
  helpMarkdown?: string;
  defaultSeverity: Severity;
  /** absolute URI of the rule's page, when there is a published one */
  helpUri?: string;
}

export interface SarifInput {
  toolName: string;
  toolVersion: string;
  informationUri?: string;
  rules: SarifRuleInfo[];
  findings: LocatedFinding[];
  /** file URI of the folder relative paths are based on, ending in '/' */
  srcRoot?: string;
  /** maps a finding's file to its artifact URI, relative to srcRoot (or absolute) */
  artifactUri: (file: string) => string;
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

const region = (r: Range1) => ({
  startLine: r.start.line,
  startColumn: r.start.character,
  endLine: r.end.line,
  endColumn: r.end.character,
});

const isAbsolute = (uri: string) => /^[a-z][a-z0-9+.-]*:/i.test(uri);

export function toSarif(input: SarifInput): object {
  const rules = [...input.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // reader problems (x12-damaged-isa ...) are not registry rules: describe them as they appear
  for (const f of input.findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, rules.length);
      rules.push({ id: f.ruleId, title: 'Problem reading the file', defaultSeverity: f.severity });
    }
  }
  const artifact = (file: string) => {
    const uri = input.artifactUri(file);
    return isAbsolute(uri) ? { uri } : { uri, uriBaseId: SRCROOT };
  };
  const location = (file: string, r: Range1) => ({ physicalLocation: { artifactLocation: artifact(file), region: region(r) } });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.toolName,
            version: input.toolVersion,
            ...(input.informationUri ? { informationUri: input.informationUri } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.description ?? r.title },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
              help: { text: r.description ?? r.title, ...(r.helpMarkdown ? { markdown: r.helpMarkdown } : {}) },
              defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
            })),
          },
        },
        ...(input.srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: input.srcRoot } } } : {}),
        columnKind: 'utf16CodeUnits',
        results: input.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: sarifLevel(f.severity),
          message: { text: f.message },
          locations: [location(f.file, f.range)],
          ...(f.related.length
            ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(f.file, r.range), message: { text: r.message } })) }
            : {}),
          // every fix the checks offer is a certain one (never one that could overbill): all are carried
          ...(f.fixes.length
            ? {
                fixes: f.fixes.map((x) => ({
                  description: { text: x.title },
                  artifactChanges: [
                    {
                      artifactLocation: artifact(f.file),
                      replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                    },
                  ],
                })),
              }
            : {}),
        })),
      },
    ],
  };
}
