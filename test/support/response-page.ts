/** Text of a page as a reader sees it: the entities the templates write turned back into characters. */
export const decodeHtml = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The item checkboxes of a survey response page: label → key (the member reads labels, the form sends keys). */
export function itemKeysOf(html: string): Map<string, string> {
  const pattern =
    /<input type="checkbox" id="held-(\w+)" name="held" value="\w+"[^>]*>\s*<label for="held-\w+">([^<]*)<\/label>/g;
  return new Map([...html.matchAll(pattern)].map((match) => [decodeHtml(match[2]), match[1]]));
}
