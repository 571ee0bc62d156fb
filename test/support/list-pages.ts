import type TestAgent from 'supertest/lib/agent';

/** One page of an admin list as a person sees it: the rows' texts and the pager's links. */
export interface ListPage {
  url: string;
  rows: string[];
  previous: string | null;
  next: string | null;
}

const decode = (href: string) => href.replace(/&amp;/g, '&');

/**
 * Reads a list page over HTTP: `row` finds each row's text (a regex with one group, matched
 * globally), the pager's rel="prev"/rel="next" links give the neighbouring pages.
 */
export async function readListPage(agent: TestAgent, url: string, row: RegExp): Promise<ListPage> {
  const page = await agent.get(url).expect(200);
  const html = page.text;
  const rows = [...html.matchAll(new RegExp(row.source, 'g'))].map((match) => match[1]);
  const link = (rel: string) => {
    const found = new RegExp(`<a rel="${rel}" href="([^"]+)"`).exec(html);
    return found ? decode(found[1]) : null;
  };
  return { url, rows, previous: link('prev'), next: link('next') };
}

/**
 * Walks a list from `first` by its Next links to the end, then back by Previous links to the
 * start (the last page is the first of both), so a test can check every row appears once going
 * forward and each page is the same coming back.
 */
export async function walkList(
  agent: TestAgent,
  first: string,
  row: RegExp,
): Promise<{ forward: ListPage[]; backward: ListPage[] }> {
  const forward: ListPage[] = [];
  let url: string | null = first;
  while (url !== null && forward.length < 50) {
    const page = await readListPage(agent, url, row);
    forward.push(page);
    url = page.next;
  }
  const backward: ListPage[] = [forward[forward.length - 1]];
  url = backward[0].previous;
  while (url !== null && backward.length < 50) {
    const page = await readListPage(agent, url, row);
    backward.unshift(page);
    url = page.previous;
  }
  return { forward, backward };
}
