// What the catalogue knows about every finding id (rules and reader/service problems alike).
import type { Severity } from './severity';

/** the kind of authority a finding rests on; `ref` names the document or table */
export type PolicyBasis = 'CMS release' | 'CMS manual' | 'MAC policy' | 'X12 TR3' | 'file format' | 'payer settings' | 'tool';

export interface PolicySource {
  basis: PolicyBasis;
  ref: string;
}

export interface FindingMeta {
  /** stable id used in settings, docs and output; never renamed */
  id: string;
  /** one line, shown as the SARIF shortDescription and in the docs page title */
  title: string;
  defaultSeverity: Severity;
  source: PolicySource;
  /** the product version the id first appeared in */
  since: string;
  /** its fix may be applied to many lines unattended (format-only repairs; never one that states a fact) */
  bulkSafeFix: boolean;
}
