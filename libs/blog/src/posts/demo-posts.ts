import { renderMarkdown, plainText } from './markdown';
import type { PostRepository } from './post.repository';
import { searchTerms } from './search-terms';

const DEMO_POSTS = [
  {
    title: 'The seven common accountabilities of the Chief Customer Officer',
    tags: ['research', 'accountabilities'],
    categories: ['research'],
    visibility: 'public' as const,
    body: 'We asked every member which of sixteen functions they own, and to rank them by their organisation’s priority. The survey was returned by 60% of members.\n\n## The seven\n\n1. Customer-centric tactics\n2. Customer experience management\n3. Metrics and analytics related to customer-centricity\n4. Customer-centric culture\n5. Customer strategy\n6. Understanding customer needs\n7. Building customer relationships\n\nThe answers skew toward companies with more than $1B in revenue, and toward B2B.',
  },
  {
    title: 'Three CCO models, and how to tell which one you work in',
    tags: ['cco-models'],
    categories: ['leadership'],
    visibility: 'public' as const,
    body: 'Members describe three models: the **Service Revenue Driver**, who owns service lines; the **Generalist**, who works across existing and new customers; and **Champion by Committee**, where the role is shared.',
  },
  {
    title: 'Member guide: building a voice-of-the-customer programme',
    tags: ['voice-of-the-customer'],
    categories: ['playbooks'],
    visibility: 'members' as const,
    body: 'A playbook from members who run listening posts: what to measure, who owns the follow-up, and how to report it to the board.',
  },
];

/** The posts `npm start` seeds, by the demo staff member. Adds only the missing ones. */
export async function seedDemoPosts(posts: PostRepository, author: { id: string; name: string }): Promise<number> {
  let added = 0;
  for (const [index, demo] of DEMO_POSTS.entries()) {
    const slug = demo.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    if (await posts.findBySlug(slug)) {
      continue;
    }
    const bodyHtml = renderMarkdown(demo.body);
    await posts.create({
      title: demo.title,
      slug,
      bodyMarkdown: demo.body,
      bodyHtml,
      excerpt: plainText(bodyHtml, 200),
      authorId: author.id,
      authorName: author.name,
      tags: demo.tags,
      searchTerms: searchTerms(demo.title, demo.tags),
      categories: demo.categories,
      visibility: demo.visibility,
      status: 'published',
      publishedAt: new Date(Date.now() - (index + 1) * 24 * 60 * 60 * 1000),
    });
    added += 1;
  }
  return added;
}
