// Tiny helpers for the XML inside .xlsx files: entity decoding and attribute reading.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML entities and OOXML's _xHHHH_ escapes. */
export function decodeXmlText(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return NAMED[e] ?? m;
    });
  }
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** Value of attribute `name` inside one start tag's text (e.g. '<c r="A1" t="s">'). */
export function attr(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decodeXmlText(m[1] ?? m[2] ?? '') : undefined;
}

/** Concatenated text of every <t>…</t> in a fragment, skipping phonetic runs (<rPh>). */
export function textRuns(fragment: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const t = fragment.indexOf('<t', i);
    if (t < 0) break;
    const next = fragment.charCodeAt(t + 2);
    // '<t>' or '<t ' only (not <tag…>)
    if (next !== 62 && next !== 32 && next !== 47) {
      i = t + 2;
      continue;
    }
    const rph = fragment.lastIndexOf('<rPh', t);
    if (rph >= 0 && fragment.indexOf('</rPh>', rph) > t) {
      i = fragment.indexOf('</rPh>', rph) + 6;
      continue;
    }
    const close = fragment.indexOf('>', t);
    if (close < 0) break;
    if (fragment.charCodeAt(close - 1) === 47) {
      i = close + 1; // <t/>
      continue;
    }
    const end = fragment.indexOf('</t>', close);
    if (end < 0) break;
    out += decodeXmlText(fragment.slice(close + 1, end));
    i = end + 4;
  }
  return out;
}
