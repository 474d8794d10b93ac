// CMS text files are ASCII in practice; older ones are Windows-1252. Read UTF-8 when the bytes
// are valid UTF-8, else Windows-1252, so that no byte is lost either way.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = cp1252.decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
