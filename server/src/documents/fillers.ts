// Values that exports write where there is nothing: they mean "none" to every reader.
// CCW RIF files fill LINE_NDC_CD with 000000000; billing systems write 00000000000 or 00000000 dates.

/** an NDC of zeros only ('000000000', '00000000000', '00000-0000-00'): no NDC */
export function isNdcFiller(value: string): boolean {
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '0') digits++;
    else if (c !== '-' && c !== ' ') return false;
  }
  return digits > 0;
}

/** a date of zeros only ('00000000', '0000-00-00', '00/00/0000'): no date */
export function isZeroDate(value: string): boolean {
  return /^[0\s/.-]*0[0\s/.-]*$/.test(value);
}
