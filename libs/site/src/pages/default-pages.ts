/** The site's own pages, and the text each starts with until staff edit it. */
export const SITE_PAGES = ['about', 'privacy', 'contact'] as const;
export type SitePageKey = (typeof SITE_PAGES)[number];

export const DEFAULT_PAGES: Record<SitePageKey, { title: string; bodyMarkdown: string }> = {
  about: {
    title: 'About the council',
    bodyMarkdown: `Roundtable is a member-led council of Chief Customer Officers: the executives accountable for a
company's whole relationship with its customers. In 2003 fewer than 30 executives held the title; by 2010
about 450 did, and fewer than 10% of the Fortune 500 had one.

Members meet as peers, share what works, write for the [council blog](/), use the [resource library](/resources)
and shape the council's research, such as the seven most common accountabilities of the role.

[Join your peers and share your insight — become a member](/join).`,
  },
  privacy: {
    title: 'Privacy',
    bodyMarkdown: `## What we keep
- Your name, email address and, if you sign in with LinkedIn, your LinkedIn name and photo.
- The profile you give us when you apply: title, company, revenue band, business model, industry, CCO model,
  whom you report to, board seat, years in role and LinkedIn address.
- Your membership and payments as Stripe reports them (we never see your card).
- Your posts and comments, and your survey answers (reported only in groups of at least five members).
- Whether you chose to appear in the members' directory, and which fields peers see.

## Downloading your data
Signed in, open your [portal](/portal) and choose "Download my data": you get everything we hold about you as JSON.

## Deletion
In your [portal](/portal), ask to be deleted. Our staff act on it and confirm by email; records we must keep by
law (such as invoices) are kept only as long as the law requires.

## Contact
Questions about your data: see [Contact](/contact).`,
  },
  contact: {
    title: 'Contact',
    bodyMarkdown: `Write to the council's staff at [council@roundtable.example](mailto:council@roundtable.example).

Members can also reach staff from their [portal](/portal). We answer within two working days.`,
  },
};
