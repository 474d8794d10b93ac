// What output formats say about each rule: a title, a longer description, help and where the rule's
// page is. Everything comes through ruleMetadata() so its source can change in one place.
import { rules } from '../index';
import type { Severity } from '../types';

export interface RuleMetadata {
  id: string;
  /** one line */
  title: string;
  /** a paragraph: the page's "What it checks", else the title */
  description: string;
  defaultSeverity: Severity;
  /** repository-relative page, e.g. docs/rules/missing-kx.md */
  docs: string;
  /** the page's Markdown, when it could be read */
  page?: string;
}

/** the paragraph under "## What it checks", joined into one line */
export function whatItChecks(page: string): string | undefined {
  const heading = /^## What it checks[^\n]*$/m.exec(page);
  if (!heading) return undefined;
  const body = page.slice(heading.index + heading[0].length);
  const next = body.search(/^## /m);
  const text = (next < 0 ? body : body.slice(0, next)).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** @param readPage reads a repository-relative page (the CLI reads docs/ beside its bundle); undefined when absent */
export function ruleMetadata(readPage: (docs: string) => string | undefined = () => undefined): RuleMetadata[] {
  return rules.map((r) => {
    const page = readPage(r.docs);
    const meta: RuleMetadata = { id: r.id, title: r.description, description: (page && whatItChecks(page)) ?? r.description, defaultSeverity: r.defaultSeverity, docs: r.docs };
    if (page) meta.page = page;
    return meta;
  });
}

const PLACEHOLDER_HOST = /(^|\.)(invalid|example|test|localhost)$|^example\.(com|org|net)$/i;

/**
 * The base rule pages are resolved against, from the package's repository URL: a GitHub repository's
 * files are served at <repo>/blob/HEAD/. Any other host, or a placeholder, gives none (no invented links).
 */
export function docsBaseFromRepository(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^(?:git\+)?(https:\/\/github\.com\/[^/\s]+\/[^/\s]+?)(?:\.git)?\/?$/.exec(url.trim());
  if (!m) return undefined;
  let host = '';
  try {
    host = new URL(m[1]!).hostname;
  } catch {
    return undefined;
  }
  return PLACEHOLDER_HOST.test(host) ? undefined : `${m[1]}/blob/HEAD/`;
}

/** helpUri: the rule's page under base (a URL ending in '/'), or none without a base */
export function helpUri(meta: Pick<RuleMetadata, 'docs'>, base: string | undefined): string | undefined {
  if (!base) return undefined;
  try {
    return new URL(meta.docs, base).href;
  } catch {
    return undefined;
  }
}
