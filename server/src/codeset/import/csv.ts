// CMS tables (the release .csv, the ASP files) as rows of strings. The reading is the documents
// layer's RFC 4180 row reader (quoted fields, doubled quotes, CR/LF/CRLF, newlines inside quotes);
// this file only drops the offsets an importer does not need.
import { forEachRow } from '../../base/csv-rows';
import { TABLE } from '../../base/limits';

export interface CsvParse {
  rows: string[][];
  /** true when the text ended inside a quoted field */
  unterminatedQuote: boolean;
  /** the first row wider than TABLE.columnsPerRow (1-based), when there is one: its extra cells were not kept */
  tooWideRow?: number;
}

export function parseCsv(text: string, delimiter = ','): CsvParse {
  const rows: string[][] = [];
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0; // BOM
  let tooWideRow: number | undefined;
  const problems = forEachRow(text, delimiter, from, (row) => {
    rows.push(row.cells.map((c) => c.value));
    if (tooWideRow === undefined && row.cells.length >= TABLE.columnsPerRow) tooWideRow = rows.length;
  });
  const wide = problems.some((p) => p.id === 'csv-too-many-columns');
  return { rows, unterminatedQuote: problems.some((p) => p.id === 'csv-unterminated-quote'), tooWideRow: wide ? tooWideRow : undefined };
}
