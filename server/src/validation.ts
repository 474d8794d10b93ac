// Validation as a task done in slices: the server runs a slice, lets pending requests through, and
// runs the next (or drops the task when a newer version arrives). Pure: a slice is a count of work
// (characters read, lines checked), never a clock reading; the caller decides how many fit its budget.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ClaimDocument, DocumentKind } from './model';
import type { Finding } from './checks/types';
import type { DiagnosisCodes } from './codeset/icd10';
import type { CodeSet } from './codeset/types';
import type { Settings } from './settings';
import { checkPass } from './checks/index';
import { streamX12, type X12Options } from './documents/x12';
import { lineCountOf } from './documents/compact-claims';
import { problem } from './documents/problems';
import { toDiagnostic } from './features/diagnostics';
import { LineIndex } from './features/line-index';
import { DOCUMENT } from './base/limits';

export interface ValidationTask {
  /** does one slice of work; true once the findings are complete */
  step(): boolean;
  /** the findings, once step() has returned true */
  readonly findings: Finding[] | undefined;
}

export interface TaskInput {
  text: string;
  codeset: CodeSet;
  diagnosisCodes?: DiagnosisCodes;
  settings: Settings;
  today: string;
}

/**
 * characters of X12 read and checked per step: about 2 ms here (25 claims or so), so a caller's
 * time budget is kept closely; 64 kB steps took 8–20 ms each and made a request wait that long
 */
export const X12_SLICE_CHARS = 16 * 1024;
/** service lines checked per step of an already-read document */
export const LINES_PER_SLICE = 500;

/** a task that is already done */
export function doneTask(findings: Finding[]): ValidationTask {
  return { step: () => true, findings };
}

/**
 * Reads X12 a slice at a time and checks each claim as it closes. With `keepModel` the claims stay
 * in the document (handed to `done` with the findings); without, each claim is dropped once checked,
 * only the findings that will be shown are kept (capped: capFindings), and memory holds the text,
 * those findings and one claim.
 */
export function x12Task(input: TaskInput, options: X12Options, kind: DocumentKind, keepModel: boolean, done: (findings: Finding[], model: ClaimDocument) => void): ValidationTask {
  let pass: ReturnType<typeof checkPass> | undefined;
  // a kept model keeps its claims compact: lines are read again when a request asks
  const stream = streamX12(input.text, { ...options, compactClaims: keepModel }, (claim) => pass!.claim(claim), keepModel);
  // the rules that run depend on the kind: it is set before the pass chooses them
  stream.document.kind = kind;
  pass = checkPass(
    { document: stream.document, text: input.text, codeset: input.codeset, settings: input.settings, today: input.today, diagnosisCodes: input.diagnosisCodes },
    keepModel ? {} : { keep: DOCUMENT.findings },
  );
  let findings: Finding[] | undefined;
  let readTo = 0;
  return {
    step() {
      if (findings) return true;
      try {
        readTo += X12_SLICE_CHARS;
        if (!stream.readTo(readTo)) return false;
        findings = pass!.finish();
      } catch (e) {
        // the reader and checks are written not to throw; this is the last line of defence
        findings = [readerFailed(input.text, e)];
      }
      done(findings, stream.document);
      return true;
    },
    get findings() {
      return findings;
    },
  };
}

/** checks a document already read, LINES_PER_SLICE lines at a time */
export function modelTask(input: TaskInput, model: ClaimDocument, done: (findings: Finding[]) => void): ValidationTask {
  const pass = checkPass({ document: model, text: input.text, codeset: input.codeset, settings: input.settings, today: input.today, diagnosisCodes: input.diagnosisCodes });
  let next = 0;
  let findings: Finding[] | undefined;
  return {
    step() {
      if (findings) return true;
      let lines = 0;
      while (next < model.claims.length && lines < LINES_PER_SLICE) {
        const claim = model.claims[next++]!;
        pass.claim(claim);
        lines += lineCountOf(claim) + 1;
      }
      if (next < model.claims.length) return false;
      findings = pass.finish();
      done(findings);
      return true;
    },
    get findings() {
      return findings;
    },
  };
}

/** what the server sends for a validated version: the diagnostics and the same list as JSON */
export interface Publication {
  diagnostics: Diagnostic[];
  /** JSON.stringify(diagnostics), built a slice at a time */
  json: string;
}

export interface PublicationTask {
  /** does one slice of work; true once the result is complete */
  step(): boolean;
  readonly result: Publication | undefined;
}

/** characters scanned for line breaks per step (about 1 ms per MB) */
export const LINE_SCAN_CHARS = 256 * 1024;
/** findings turned into diagnostics, and diagnostics into JSON, per step */
export const DIAGNOSTICS_PER_SLICE = 250;

/**
 * Findings -> LSP diagnostics -> JSON, in slices: the line starts of the whole text (what
 * TextDocument.positionAt computes in one go on first use), then the conversion and the
 * serialisation a few hundred diagnostics at a time. The result equals
 * findings.map(toDiagnostic) and its JSON.stringify.
 */
export function publicationTask(uri: string, text: string, findings: readonly Finding[], docsBaseUri?: string, lines = new LineIndex(text)): PublicationTask {
  const positions = { uri, positionAt: (offset: number) => lines.positionAt(offset) };
  const diagnostics: Diagnostic[] = [];
  const parts: string[] = [];
  let result: Publication | undefined;
  return {
    step() {
      if (result) return true;
      if (!lines.complete) return lines.scan(LINE_SCAN_CHARS) && !findings.length && done();
      if (diagnostics.length < findings.length) {
        const end = Math.min(findings.length, diagnostics.length + DIAGNOSTICS_PER_SLICE);
        for (let i = diagnostics.length; i < end; i++) diagnostics.push(toDiagnostic(positions, findings[i]!, docsBaseUri));
        return false;
      }
      const end = Math.min(diagnostics.length, parts.length + DIAGNOSTICS_PER_SLICE);
      for (let i = parts.length; i < end; i++) parts.push(JSON.stringify(diagnostics[i]));
      return parts.length === diagnostics.length && done();
    },
    get result() {
      return result;
    },
  };
  function done(): true {
    result = { diagnostics, json: `[${parts.join(',')}]` };
    return true;
  }
}

function readerFailed(text: string, e: unknown): Finding {
  const p = problem('reader-failed', `The x12 reader failed: ${e instanceof Error ? e.message : String(e)}`, 0, Math.min(text.length, 1), 'error');
  return { ruleId: p.id, severity: p.severity, message: p.message, range: p.range, related: [], fixes: [] };
}
