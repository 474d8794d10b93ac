// The diagnostic catalogue: every finding id the product can emit, rules and reader/service problems,
// with its metadata. Settings, the JSON Schema, package.json, docs pages and SARIF are generated from
// it or tested against it (test/unit/structure/catalogue.test.ts).
import type { FindingMeta } from '../base/finding-meta';
import { problemCatalogue, problemIds } from '../base/problem-ids';
import type { PayerProfile } from '../settings';
import { docsPath } from './rule';
import { rules } from './index';

export interface CatalogueEntry extends FindingMeta {
  /** a rule (checks/rules/) or a problem a reader or the service reports (base/problem-ids.ts) */
  kind: 'rule' | 'problem';
  /** repository-relative Markdown page */
  docs: string;
  /** a rule runs in these profiles unless settings name it; problems are always reported */
  defaultEnabled: boolean;
  profiles: readonly PayerProfile[] | 'all';
}

export const catalogue: readonly CatalogueEntry[] = [
  ...rules.map(
    (r): CatalogueEntry => ({
      kind: 'rule',
      id: r.id,
      title: r.description,
      defaultSeverity: r.defaultSeverity,
      source: r.source,
      since: r.since,
      bulkSafeFix: r.bulkSafeFix,
      docs: r.docs,
      defaultEnabled: r.defaultEnabled,
      profiles: r.profiles,
    }),
  ),
  ...problemIds.map((id): CatalogueEntry => ({ kind: 'problem', id, ...problemCatalogue[id], docs: docsPath(id), defaultEnabled: true, profiles: 'all' })),
];

/** every id settings may name (hcpcs.rules and .hcpcsrc.json "rules") */
export const findingIds: readonly string[] = catalogue.map((e) => e.id);

const byId = new Map(catalogue.map((e) => [e.id, e]));

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}

/** "Source: CMS manual, ...": the policy a finding rests on, in words */
export function sourceText(entry: FindingMeta): string {
  return `Source: ${entry.source.basis}: ${entry.source.ref}.`;
}

/**
 * SARIF reportingDescriptor fields for one id (shortDescription, fullDescription, help, helpUri),
 * for report/sarif.ts; helpUri is the page's address where the caller knows it.
 */
export function sarifRuleMetadata(entry: CatalogueEntry, helpUri?: string) {
  const page = helpUri ?? entry.docs;
  return {
    id: entry.id,
    shortDescription: { text: entry.title },
    fullDescription: { text: `${entry.title}. ${sourceText(entry)}` },
    help: {
      text: `${entry.title}. ${sourceText(entry)} Examples, fix and configuration: ${page}`,
      markdown: `**${entry.title}**. ${sourceText(entry)}\n\nExamples, fix and configuration: [${entry.id}](${page})`,
    },
    ...(helpUri ? { helpUri } : {}),
    properties: { since: entry.since, bulkSafeFix: entry.bulkSafeFix, kind: entry.kind },
  };
}
