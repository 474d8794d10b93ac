// Which column of a claim table holds what, recognised by header name (case, spaces, underscores,
// hyphens and slashes do not matter).

export type ColumnRole =
  | 'code'
  | 'modifier' // one of Modifier 1..4
  | 'modifiers' // one column holding all modifiers
  | 'units'
  | 'ndc'
  | 'lineDate'
  | 'claimDate'
  | 'description'
  | 'notes'
  | 'claimId'
  | 'charge'
  | 'lineNumber'
  | 'diagnosis'
  | 'diagnosisPointer' // which diagnoses a line is for (1-12, or CMS-1500 letters A-L): not a diagnosis
  | 'identifier'
  | 'other';

export interface Column {
  index: number;
  name: string;
  role: ColumnRole;
  /** modifier position 1..4 for 'modifier' */
  position?: number;
}

export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_\-/.#()®]+/g, '');
}

const EXACT: Record<string, ColumnRole> = {};
function roles(role: ColumnRole, names: string): void {
  for (const n of names.split(' ')) EXACT[n] = role;
}
roles(
  'code',
  'hcpcs hcpcscd hcpcscode hcpcscodes procedurecode procedurecd procedure proccd proccode prcdrcd cpthcpcs cpthcpcscode ' +
    'hcpcscpt hcpcscptcode cpt cptcode code servicecode hcpcsprocedurecode linehcpcscd hcpcsprcdrcd billingcode hcpcslevelii ' +
    'hcpcsiicode procedurecodehcpcs',
);
roles('modifiers', 'modifier modifiers mods mod hcpcsmodifier hcpcsmodifiers modifiercodes modifiercode');
roles(
  'units',
  'units unit quantity qty servicecount linesrvccnt daysorunits serviceunits unitcount unitsbilled billedunits srvccnt ' +
    'units/quantity unitsofservice serviceunitcount',
);
roles('ndc', 'ndc linendccd ndccode ndcnumber nationaldrugcode ndc11 ndccd');
roles(
  'lineDate',
  'servicedate dos dateofservice line1stexpnsdt servicefromdate fromdate dosfrom linefromdt svcdate linedate ' +
    'servicedt svcdt dateofservicefrom dosstart startdate',
);
roles('claimDate', 'clmfromdt claimfromdate claimdate claimservicedate statementfromdate');
roles('description', 'description desc proceduredescription servicedescription hcpcsdescription linedescription drugname drug itemdescription');
roles('notes', 'note notes comment comments remarks');
roles('claimId', 'clmid claimid claimnumber claimno claim clmno claimnum claimcontrolnumber clmcntlnum patientaccountnumber');
roles('charge', 'charge charges chargeamount billedamount billedcharge billedcharges linesbmtdchrgamt submittedcharge submittedcharges lineamount');
roles('lineNumber', 'linenum linenumber line lineno sequence seq');

const ORDINALS: Record<string, number> = { '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, first: 1, second: 2, third: 3, fourth: 4 };

export function classifyHeader(name: string, index: number): Column {
  const key = normaliseHeader(name);
  const exact = EXACT[key];
  if (exact) return { index, name, role: exact };
  // Modifier 1..4, MOD1, Modifier Code 2, HCPCS_Modifier_3
  let m = /^(?:hcpcs|cpt|line)?(?:modifier|mod|mdfr)(?:code|cd)?([1-4])$/.exec(key);
  if (m) return { index, name, role: 'modifier', position: Number(m[1]) };
  // HCPCS_1ST_MDFR_CD, HCPCS_2ND_MDFR_CD, first modifier
  m = /^(?:hcpcs|cpt)?(1st|2nd|3rd|4th|first|second|third|fourth)(?:modifier|mod|mdfr)(?:code|cd)?$/.exec(key);
  if (m) return { index, name, role: 'modifier', position: ORDINALS[m[1]] };
  if (/vrsn|version/.test(key)) return { index, name, role: 'other' };
  // Diagnosis Pointer, DX_PTR, LINE_DGNS_PNTR: recognised so its "1,2" or "ABCD" is never read as a
  // diagnosis code. Not read into the model: CSV diagnoses are gathered by value across a claim's
  // rows, so a positional pointer could not be resolved to the column it means.
  if (/(dgns|diag|icd|dx).*(pointer|ptr|pntr)|^pointers?$/.test(key)) return { index, name, role: 'diagnosisPointer' };
  if (/dgns|diag|icd|^dx/.test(key)) return { index, name, role: 'diagnosis' };
  if (/(^|[a-z])(id|num|npi|upin|pin|plan|contract|zip|tin|cntl|ctrl|lcd)$|npi|upin/.test(key)) return { index, name, role: 'identifier' };
  return { index, name, role: 'other' };
}

export function hasCodeColumn(headers: string[]): boolean {
  return headers.some((h) => classifyHeader(h, 0).role === 'code');
}
