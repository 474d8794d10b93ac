// Builds small, valid X12 interchanges for tests: the ISA is padded to its fixed 106 characters.
export interface X12Delimiters {
  element?: string;
  component?: string;
  repetition?: string;
  segment?: string;
  /** what follows each segment terminator: '\n' (default), '\r\n', '\r' or '' */
  newline?: string;
}

export function isa(d: X12Delimiters = {}, control = '000000001'): string {
  const e = d.element ?? '*';
  const fields = [
    'ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'SUBMITTER'.padEnd(15), 'ZZ', 'RECEIVER'.padEnd(15),
    '251105', '1200', d.repetition ?? '^', '00501', control, '0', 'T', d.component ?? ':',
  ];
  const header = fields.join(e) + (d.segment ?? '~');
  if (header.length !== 106) throw new Error(`ISA is ${header.length} characters, not 106`);
  return header;
}

/**
 * An 837P interchange around the given 2300/2400 segments (written with '*', ':' and '~'; other
 * delimiters are substituted). Envelope segments and counts are filled in.
 */
export function x12_837p(body: string[], d: X12Delimiters = {}): string {
  const nl = d.newline ?? '\n';
  const seg = d.segment ?? '~';
  const swap = (s: string) =>
    s.replace(/[*:]/g, (c) => (c === '*' ? (d.element ?? '*') : (d.component ?? ':')));
  const segments = [
    'GS*HC*SUBMITTER*RECEIVER*20251105*1200*1*X*005010X222A1',
    'ST*837*0001*005010X222A1',
    'BHT*0019*00*0001*20251105*1200*CH',
    'NM1*41*2*BILLING CLINIC*****46*12345',
    'HL*1**20*1',
    'NM1*85*2*BILLING CLINIC*****XX*1234567893',
    'HL*2*1*22*0',
    'SBR*P*18*******MB',
    'NM1*IL*1*DOE*JANE****MI*1EG4TE5MK72',
    ...body,
  ];
  const count = segments.length - 1 + 1; // ST..SE inclusive, GS excluded
  segments.push(`SE*${count}*0001`, 'GE*1*1', 'IEA*1*000000001');
  return isa(d) + nl + segments.map((s) => swap(s) + seg).join(nl) + nl;
}
