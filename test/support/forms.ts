/** The hidden CSRF field of the first form on a page, as a browser would submit it. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) {
    throw new Error(`No CSRF field in page:\n${html.slice(0, 500)}`);
  }
  return match[1];
}

/** A complete, valid application/profile form. */
export function profileForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Jordan Lee',
    title: 'Chief Customer Officer',
    company: 'Acme Industrial',
    revenueBand: '>$1B',
    businessModel: 'B2B',
    industry: 'Manufacturing',
    ccoModel: 'Generalist',
    reportsTo: 'CEO',
    boardMember: 'no',
    yearsInRole: '4',
    linkedinUrl: 'https://www.linkedin.com/in/jordan-lee',
    ...overrides,
  };
}
