/**
 * How a roster matches names: a company in a reference list ("Acme, Inc.") and one typed on a tenure
 * ("ACME Incorporated") are the same company when their normalised names are equal. Accents, case,
 * punctuation, "&"/"and", a leading "The" and legal suffixes (Inc, Corp, Ltd, plc, …) do not count.
 */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'plc',
  'llc',
  'lp',
  'llp',
  'sa',
  'ag',
  'gmbh',
  'nv',
  'bv',
  'spa',
  'holdings',
  'group',
]);

export function normaliseCompany(name: string): string {
  const words = plainWords(name);
  if (words.length > 1 && words[0] === 'the') {
    words.shift();
  }
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) {
    words.pop();
  }
  return words.join(' ');
}

/** A person's key when the roster has no id for them: their name without case, accents or punctuation. */
export function normalisePerson(name: string): string {
  return plainWords(name).join(' ');
}

function plainWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
}
