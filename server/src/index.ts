// hcpcs-language-tools as a library: the pure service and checks the CLI and the language server use,
// for a Node service (a queue consumer, a serverless function) that checks claims without the CLI.
// Nothing here reads files, the network or the clock: the caller passes text, the code set and today.
import guidanceFiles from 'virtual:guidance';
import { loadGuidance, type GuidanceLibrary } from './features/guidance';
import { loadIndex, type CompiledIndex } from './codeset/index';
import type { CodeSet } from './codeset/types';
import coreIndexJson from '../../data/core/codeset.json';

export { createService, type HcpcsService, type ServiceOptions } from './service';
export { runChecks, rules, ruleIds, type Rule } from './checks/index';
export type { Finding, Fix, Severity } from './checks/types';
export { parseDocument, detectFormat, type ParseHint } from './documents/index';
export type { ClaimDocument, Claim, ServiceLine, Range } from './model';
export { defaultSettings, type Settings, type PayerProfile } from './settings';
export { parseConfig, mergeSettings } from './checks/config';
export { loadIndex, compileIndex, LoadError, type CompiledIndex } from './codeset/index';
export { INDEX_FORMAT, INDEX_VERSION } from './codeset/compiled';
export type { CodeSet } from './codeset/types';
export { importRelease } from './codeset/import/release';
export { importAsp } from './codeset/import/asp';
export { checkDocument, type DocumentInput } from './cli/check-document';
export type { DocumentResult, ReportedFinding } from './checks/report/records';
export { documentLines, findingRecord, type FindingRecord, type DocumentRecord, type ErrorRecord } from './checks/report/ndjson';
export { parseInputLine, type InputDocument } from './checks/report/ndjson-input';
export type { GuidanceLibrary } from './features/guidance';

let guidance: GuidanceLibrary | undefined;
/** the guidance notes shipped with the package (hover text for codes and topics) */
export function defaultGuidance(): GuidanceLibrary {
  guidance ??= loadGuidance(guidanceFiles);
  return guidance;
}

/** the hand-written core set shipped with the package (a few dozen codes); load a compiled CMS release for real work */
export function coreCodeSet(): CodeSet {
  return loadIndex(coreIndexJson as unknown as CompiledIndex);
}
