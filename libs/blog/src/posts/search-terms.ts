const MIN_PREFIX = 3;
const MAX_TERMS = 300;

/** Lower-case ASCII words, accents dropped, as slugs spell them. */
const words = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The words a post is found by, stored on the post under a multikey index (FerretDB has no text
 * indexes, and a regular expression over titles would scan every published post): each title and
 * tag word, lower-case ASCII as in slugs, and every prefix of three letters or more, so "retent"
 * finds "Retention".
 */
export function searchTerms(title: string, tags: string[]): string[] {
  const terms = new Set<string>();
  for (const word of [...words(title), ...tags.flatMap(words)]) {
    terms.add(word);
    for (let length = MIN_PREFIX; length < word.length; length += 1) {
      terms.add(word.slice(0, length));
    }
  }
  return [...terms].slice(0, MAX_TERMS);
}

/** The words of a search, each of which a post must carry; at most eight, so a query stays small. */
export function queryTerms(query: string): string[] {
  return [...new Set(words(query.slice(0, 80)))].slice(0, 8);
}
