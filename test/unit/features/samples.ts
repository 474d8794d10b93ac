// Small hand-written claim texts in each format, with ‸ caret markers added by the tests.
// Patient names are never in them; ids are made up.

/** an 837P envelope around the given 2300/2400 segments (one per line) */
export function x12p(body: string): string {
  return [
    'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *251105*1200*^*00501*000000001*0*P*:~',
    'GS*HC*SENDER*RECEIVER*20251105*1200*1*X*005010X222A1~',
    'ST*837*0001*005010X222A1~',
    'CLM*PCN1001*125***11:B:1*Y*A*Y*Y~',
    'HI*ABK:N186~',
    body,
    'SE*13*0001~',
    'GE*1*1~',
    'IEA*1*000000001~',
    '',
  ].join('\n');
}

/** an 837I envelope */
export function x12i(body: string): string {
  return [
    'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *251105*1200*^*00501*000000002*0*P*:~',
    'GS*HC*SENDER*RECEIVER*20251105*1200*2*X*005010X223A2~',
    'ST*837*0002*005010X223A2~',
    'CLM*PCN2002*300***13:A:1**A*Y*Y~',
    'DTP*434*RD8*20251101-20251105~',
    'HI*ABK:N186~',
    body,
    'SE*12*0002~',
    'GE*1*2~',
    'IEA*1*000000002~',
    '',
  ].join('\n');
}

export function csv(rows: string[], header = 'claim_id,line,hcpcs_cd,mod1,mod2,units,ndc,service_date'): string {
  return [header, ...rows, ''].join('\n');
}

export function fhir(item: string, type = 'ExplanationOfBenefit'): string {
  return `{
  "resourceType": "Bundle",
  "type": "collection",
  "entry": [
    {
      "resource": {
        "resourceType": "${type}",
        "id": "eob-1",
        "item": [
${item}
        ]
      }
    }
  ]
}
`;
}

/** one FHIR item with a HCPCS coding, optional modifiers, quantity and date */
export function fhirItem(code: string, options: { modifiers?: string[]; quantity?: number; date?: string } = {}): string {
  const mods = options.modifiers?.length
    ? `,\n            "modifier": [${options.modifiers.map((m) => `{ "coding": [{ "system": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "${m}" }] }`).join(', ')}]`
    : '';
  const qty = options.quantity !== undefined ? `,\n            "quantity": { "value": ${options.quantity} }` : '';
  const date = options.date ? `,\n            "servicedDate": "${options.date}"` : '';
  return `          {
            "sequence": 1,
            "productOrService": { "coding": [{ "system": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "${code}" }] }${mods}${qty}${date}
          }`;
}
