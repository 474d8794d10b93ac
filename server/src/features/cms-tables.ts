// Code values of the CMS HCPCS record layout (coverage, pricing indicator, BETOS, type of service,
// action code), in our own words. Source: the HCPCS contractor record layout, fields 9, 16, 23, 25
// and 30 (2019 layout; pricing indicator 40 was added later for lymphedema compression items).
// A value the tables do not know is shown raw by the card, never dropped.

const COVERAGE: Record<string, string> = {
  C: 'Carrier judgment: the Medicare contractor decides whether it is covered',
  D: 'Special coverage instructions apply (national or contractor policy)',
  I: 'Not payable by Medicare',
  M: 'Not covered by Medicare',
  S: 'Not covered by Medicare, by statute',
};

const PRICING: Record<string, string> = {
  '00': 'not separately priced by Part B (bundled, not covered, or Part A only)',
  '11': 'physician fee schedule, priced from national RVUs',
  '12': 'physician fee schedule, priced from national anesthesia base units',
  '13': 'physician fee schedule, priced by the contractor (e.g. not otherwise classified or individual consideration)',
  '21': 'clinical lab fee schedule, subject to the national limitation amount',
  '22': 'clinical lab fee schedule, priced by the contractor (e.g. gap-fill)',
  '31': 'DMEPOS: frequently serviced equipment',
  '32': 'DMEPOS: inexpensive or routinely purchased equipment',
  '33': 'DMEPOS: oxygen and oxygen equipment',
  '34': 'DMEPOS: supplies',
  '35': 'DMEPOS: surgical dressings',
  '36': 'DMEPOS: capped rental equipment',
  '37': 'DMEPOS: ostomy, tracheostomy and urological supplies',
  '38': 'DMEPOS: orthotics, prosthetics, prosthetic devices and vision services',
  '39': 'parenteral and enteral nutrition',
  '40': 'lymphedema compression treatment items',
  '45': 'customized durable medical equipment',
  '46': 'DMEPOS, priced by the contractor (e.g. not otherwise classified, gap-filled)',
  '51': 'drug',
  '52': 'reasonable charge',
  '53': 'priced by statute',
  '54': 'vaccination',
  '55': 'splints and casts',
  '56': 'intraocular lens inserted in a physician office',
  '57': 'other, priced by the contractor',
  '99': 'no value established',
};

const ACTION: Record<string, string> = {
  A: 'code added',
  B: 'administrative data and long descriptor changed',
  C: 'long descriptor changed',
  D: 'code discontinued',
  F: 'administrative data changed',
  N: 'no change this release',
  P: 'payment data changed',
  R: 'code reactivated',
  S: 'short descriptor changed',
  T: 'other change (BETOS or type of service)',
};

const TYPE_OF_SERVICE: Record<string, string> = {
  '0': 'whole blood',
  '1': 'medical care',
  '2': 'surgery',
  '3': 'consultation',
  '4': 'diagnostic radiology',
  '5': 'diagnostic laboratory',
  '6': 'therapeutic radiology',
  '7': 'anesthesia',
  '8': 'assistant at surgery',
  '9': 'other medical items or services',
  A: 'used DME',
  B: 'high-risk screening mammography (obsolete)',
  C: 'low-risk screening mammography (obsolete)',
  D: 'ambulance',
  E: 'enteral and parenteral nutrients and supplies',
  F: 'ambulatory surgical center facility use',
  G: 'immunosuppressive drugs',
  H: 'hospice (discontinued)',
  I: 'DME bought in installments (discontinued)',
  J: 'diabetic shoes',
  K: 'hearing items and services',
  L: 'ESRD supplies',
  M: 'monthly dialysis capitation payment',
  N: 'kidney donor',
  P: 'lump-sum purchase of DME, prosthetics or orthotics',
  Q: 'vision items or services',
  R: 'DME rental',
  S: 'surgical dressings and other medical supplies',
  T: 'outpatient mental health limitation',
  U: 'occupational therapy',
  V: 'pneumococcal, flu or hepatitis B vaccine',
  W: 'physical therapy',
  Y: 'second opinion on elective surgery (obsolete)',
  Z: 'third opinion on elective surgery (obsolete)',
};

// BETOS: the family letter and number, then the group; said briefly in our words.
const BETOS: Record<string, string> = {
  M1A: 'office visit, new patient', M1B: 'office visit, established patient', M2A: 'hospital visit, initial', M2B: 'hospital visit, subsequent',
  M2C: 'hospital visit, critical care', M3: 'emergency room visit', M4A: 'home visit', M4B: 'nursing home visit', M5A: 'specialist visit, pathology',
  M5B: 'specialist visit, psychiatry', M5C: 'specialist visit, ophthalmology', M5D: 'specialist visit, other', M6: 'consultation',
  P0: 'anesthesia', P1A: 'major procedure, breast', P1B: 'major procedure, colectomy', P1C: 'major procedure, cholecystectomy',
  P1D: 'major procedure, TURP', P1E: 'major procedure, hysterectomy', P1F: 'major procedure, disc exploration or decompression',
  P1G: 'major procedure, other', P2A: 'major cardiovascular procedure, CABG', P2B: 'major cardiovascular procedure, aneurysm repair',
  P2C: 'major cardiovascular procedure, thromboendarterectomy', P2D: 'major cardiovascular procedure, coronary angioplasty',
  P2E: 'major cardiovascular procedure, pacemaker insertion', P2F: 'major cardiovascular procedure, other',
  P3A: 'major orthopedic procedure, hip fracture repair', P3B: 'major orthopedic procedure, hip replacement',
  P3C: 'major orthopedic procedure, knee replacement', P3D: 'major orthopedic procedure, other', P4A: 'eye procedure, corneal transplant',
  P4B: 'eye procedure, cataract or lens', P4C: 'eye procedure, retinal detachment', P4D: 'eye procedure, retinal lesions', P4E: 'eye procedure, other',
  P5A: 'ambulatory procedure, skin', P5B: 'ambulatory procedure, musculoskeletal', P5C: 'ambulatory procedure, inguinal hernia repair',
  P5D: 'ambulatory procedure, lithotripsy', P5E: 'ambulatory procedure, other', P6A: 'minor procedure, skin', P6B: 'minor procedure, musculoskeletal',
  P6C: 'minor procedure, other (Medicare fee schedule)', P6D: 'minor procedure, other (not on the Medicare fee schedule)',
  P7A: 'oncology, radiation therapy', P7B: 'oncology, other', P8A: 'endoscopy, arthroscopy', P8B: 'endoscopy, upper GI',
  P8C: 'endoscopy, sigmoidoscopy', P8D: 'endoscopy, colonoscopy', P8E: 'endoscopy, cystoscopy', P8F: 'endoscopy, bronchoscopy',
  P8G: 'endoscopy, laparoscopic cholecystectomy', P8H: 'endoscopy, laryngoscopy', P8I: 'endoscopy, other',
  P9A: 'dialysis (Medicare fee schedule)', P9B: 'dialysis (not on the Medicare fee schedule)', I1A: 'standard imaging, chest',
  I1B: 'standard imaging, musculoskeletal', I1C: 'standard imaging, breast', I1D: 'standard imaging, contrast GI', I1E: 'standard imaging, nuclear medicine',
  I1F: 'standard imaging, other', I2A: 'advanced imaging, CT of head and neck', I2B: 'advanced imaging, CT other', I2C: 'advanced imaging, MRI of head and neck',
  I2D: 'advanced imaging, MRI other', I3A: 'ultrasound, eye', I3B: 'ultrasound, abdomen and pelvis', I3C: 'ultrasound, heart', I3D: 'ultrasound, carotid arteries',
  I3E: 'ultrasound, prostate', I3F: 'ultrasound, other', I4A: 'imaging procedure, heart', I4B: 'imaging procedure, other',
  T1A: 'lab test, venipuncture', T1B: 'lab test, automated profile', T1C: 'lab test, urinalysis', T1D: 'lab test, blood count', T1E: 'lab test, glucose',
  T1F: 'lab test, bacterial culture', T1G: 'lab test, other (Medicare fee schedule)', T1H: 'lab test, other (not on the Medicare fee schedule)',
  T2A: 'other test, electrocardiogram', T2B: 'other test, cardiovascular stress test', T2C: 'other test, EKG monitoring', T2D: 'other test, other',
  D1A: 'medical and surgical supplies', D1B: 'hospital beds', D1C: 'oxygen and supplies', D1D: 'wheelchairs', D1E: 'other DME',
  D1F: 'prosthetic and orthotic devices', D1G: 'drugs given through DME', O1A: 'ambulance', O1B: 'chiropractic', O1C: 'enteral and parenteral',
  O1D: 'chemotherapy', O1E: 'other drugs', O1F: 'hearing and speech services', O1G: 'immunizations and vaccinations',
  // not in the 2019 layout: CMS gives it to the lymphedema compression items (A6515-A6611, pricing 40)
  O1L: 'lymphedema compression items',
  Y1: 'other, Medicare fee schedule', Y2: 'other, not on the Medicare fee schedule', Z1: 'local codes', Z2: 'no BETOS group assigned',
};

/** 'A' -> 'code added'; undefined for blank or unknown values */
export function actionText(code: string | undefined): string | undefined {
  const c = code?.trim().toUpperCase();
  return c ? ACTION[c] : undefined;
}

/** '1' -> 'medical care' */
export function typeOfServiceText(code: string | undefined): string | undefined {
  const c = code?.trim().toUpperCase();
  return c ? TYPE_OF_SERVICE[c] : undefined;
}

/** 'O1E' -> 'other drugs' */
export function betosText(code: string | undefined): string | undefined {
  const c = code?.trim().toUpperCase();
  return c ? BETOS[c] : undefined;
}

/** 'D' -> 'Special coverage instructions apply …'; undefined for blank or unknown values */
export function coverageText(code: string | undefined): string | undefined {
  const c = code?.trim().toUpperCase();
  return c ? COVERAGE[c] : undefined;
}

/** '51' -> 'drug'; undefined for blank or unknown values */
export function pricingText(indicator: string | undefined): string | undefined {
  const p = indicator?.trim();
  return p ? PRICING[p.padStart(2, '0')] : undefined;
}
