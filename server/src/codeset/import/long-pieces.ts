// The fixed-width file spreads a long descriptor over 80-character pieces (record ids 4/8
// continue 3/7). A piece padded with blanks ended at a word break, so one space joins it to the
// next; a piece filled to the last column was cut mid-word and joins directly.
export const LONG_PIECE = 80;

export function joinLongPieces(pieces: string[]): string {
  let out = '';
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    const last = k === pieces.length - 1;
    if (last) {
      out += piece;
      break;
    }
    const trimmed = piece.trimEnd();
    if (trimmed.length === piece.length && piece.length >= LONG_PIECE) out += piece; // cut mid-word
    else if (trimmed === '') continue;
    else out += trimmed + (pieces[k + 1].startsWith(' ') ? '' : ' ');
  }
  return out.trim();
}
