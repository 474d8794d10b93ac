// CMS text files are ASCII in practice; older ones are Windows-1252. Read UTF-8 when the bytes
// are valid UTF-8, else Windows-1252, so that no byte is lost either way. A file saved as UTF-16
// (Excel's "Unicode text") is decoded as such: by its byte-order mark, or by the NUL bytes that
// every other byte of ASCII text has in UTF-16.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** 'le' / 'be' when the bytes look like UTF-16 text, else undefined */
function utf16Order(bytes: Uint8Array): 'le' | 'be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  // no mark: ASCII text in UTF-16 has a NUL in every other byte of the first few hundred
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.9 && evenNul < half * 0.1) return 'le';
  if (evenNul > half * 0.9 && oddNul < half * 0.1) return 'be';
  return undefined;
}

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  const order = utf16Order(bytes);
  if (order) {
    text = (order === 'le' ? utf16le : utf16be).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  try {
    text = utf8.decode(bytes);
  } catch {
    text = cp1252.decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
