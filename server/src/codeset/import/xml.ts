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

/**
 * Value of attribute `name` inside one start tag's text (e.g. '<c r="A1" t="s">'). One pass: a
 * value that never closes ends the search (no rescan from each later position).
 */
export function attr(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    if (!isSpace(tag.charCodeAt(at - 1))) continue;
    let i = from;
    while (isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (isSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return decodeXmlText(tag.slice(i + 1, end));
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** every start tag `<name …>` in order (not `<nameOther`); stops at a tag that never closes */
export function* startTags(xml: string, name: string): Generator<string> {
  const open = `<${name}`;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf(open, i);
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + open.length);
    if (!isSpace(next) && next !== 62 /* > */ && next !== 47 /* / */) {
      i = lt + open.length;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return;
    yield xml.slice(lt, gt + 1);
    i = gt + 1;
  }
}

/**
 * Concatenated text of every <t>…</t> in a fragment, skipping phonetic runs (<rPh>…</rPh>).
 * One forward pass: every search starts where the last one ended.
 */
export function textRuns(fragment: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const lt = fragment.indexOf('<', i);
    if (lt < 0) break;
    if (fragment.startsWith('<rPh', lt)) {
      const end = fragment.indexOf('</rPh>', lt);
      if (end < 0) break;
      i = end + 6;
      continue;
    }
    const next = fragment.charCodeAt(lt + 2);
    // '<t>' or '<t ' only (not <tag…>)
    if (fragment.charCodeAt(lt + 1) !== 116 /* t */ || (next !== 62 && next !== 32 && next !== 47)) {
      i = lt + 1;
      continue;
    }
    const close = fragment.indexOf('>', lt);
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
