/**
 * Label names are compared trimmed, with inner whitespace collapsed, in Unicode NFC and lower case:
 * "VIP", " vip " and "Vip" are one label; "Rückruf" typed on a Mac (NFD) equals the NFC one.
 */
export function normalizeLabelName(name: string): { name: string; nameKey: string } {
  const clean = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  return { name: clean, nameKey: clean.toLowerCase() };
}
