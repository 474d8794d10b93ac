// Every editor language the product reads, with its file extensions, grouped by the reader (format)
// that reads it. One table for format detection, the CLI's folder walk, the VS Code client's document
// selector and package.json (test/unit/structure/languages.test.ts). Keyed by DocumentFormat, so a
// new format without an entry does not compile.
import type { DocumentFormat } from '../model';

export interface EditorLanguage {
  /** VS Code language id */
  id: string;
  /** file extensions, with the dot, lower case */
  extensions: readonly string[];
  /** the client also serves unsaved (untitled) documents of this language */
  untitled?: boolean;
  /** false: recognised when a client says it, but not requested from VS Code (another extension's id) */
  selector?: false;
}

export const FORMAT_LANGUAGES: Record<DocumentFormat, readonly EditorLanguage[]> = {
  x12: [
    { id: 'x12', extensions: ['.837', '.835', '.x12', '.edi'], untitled: true },
    { id: 'edi', extensions: [], selector: false },
  ],
  csv: [
    { id: 'csv', extensions: ['.csv'] },
    { id: 'tsv', extensions: ['.tsv'] },
    { id: 'psv', extensions: ['.psv'] },
  ],
  fhir: [
    { id: 'json', extensions: ['.json', '.ndjson'] },
    { id: 'jsonc', extensions: [] },
  ],
  prose: [
    { id: 'plaintext', extensions: ['.txt'], untitled: true },
    { id: 'markdown', extensions: ['.md'] },
  ],
};

const entries = (Object.entries(FORMAT_LANGUAGES) as [DocumentFormat, readonly EditorLanguage[]][]).flatMap(([format, languages]) =>
  languages.map((language) => ({ format, language })),
);

/** language id -> format */
export const formatOfLanguage: Readonly<Record<string, DocumentFormat>> = Object.fromEntries(entries.map((e) => [e.language.id, e.format]));

/** file extension without the dot -> format */
export const formatOfExtension: Readonly<Record<string, DocumentFormat>> = Object.fromEntries(
  entries.flatMap((e) => e.language.extensions.map((x) => [x.slice(1), e.format])),
);

/** file extension with the dot -> the language id a file of it is read as (the CLI) */
export const languageOfExtension: Readonly<Record<string, string>> = Object.fromEntries(
  entries.flatMap((e) => e.language.extensions.map((x) => [x, e.language.id])),
);

/** the VS Code client's documentSelector */
export const documentSelector: readonly { scheme: 'file' | 'untitled'; language: string }[] = entries
  .filter((e) => e.language.selector !== false)
  .flatMap((e) => [
    { scheme: 'file' as const, language: e.language.id },
    ...(e.language.untitled ? [{ scheme: 'untitled' as const, language: e.language.id }] : []),
  ]);

/** the language ids a caller may name (the CLI's --language, an NDJSON record's languageId): those the client asks VS Code for */
export const languageIds: readonly string[] = entries.filter((e) => e.language.selector !== false).map((e) => e.language.id);
