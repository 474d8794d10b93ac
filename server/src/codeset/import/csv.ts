// RFC 4180-style CSV in one linear pass: quoted fields, doubled quotes, CR/LF/CRLF row ends,
// newlines inside quotes. Never throws; an unterminated quote runs to the end of the text.

export interface CsvParse {
  rows: string[][];
  /** true when the text ended inside a quoted field */
  unterminatedQuote: boolean;
}

export function parseCsv(text: string, delimiter = ','): CsvParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  if (text.charCodeAt(0) === 0xfeff) i = 1; // BOM
  let fieldStart = i;
  let quoted = false; // field contained quotes: built in `field`, not sliced
  while (i < n) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        fieldStart = i;
        continue;
      }
      // copy a run of plain characters at once
      let j = text.indexOf('"', i);
      if (j < 0) j = n;
      field += text.slice(i, j);
      i = j;
      continue;
    }
    if (c === 34 && i === fieldStart && !quoted) {
      inQuotes = true;
      quoted = true;
      i++;
      continue;
    }
    if (c === d || c === 10 || c === 13) {
      row.push(quoted ? field + text.slice(fieldStart, i) : text.slice(fieldStart, i));
      field = '';
      quoted = false;
      if (c !== d) {
        rows.push(row);
        row = [];
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      }
      i++;
      fieldStart = i;
      continue;
    }
    i++;
  }
  if (inQuotes || fieldStart < n || row.length > 0 || quoted) {
    row.push(quoted ? field + text.slice(fieldStart, n) : text.slice(fieldStart, n));
    rows.push(row);
  }
  return { rows, unterminatedQuote: inQuotes };
}
