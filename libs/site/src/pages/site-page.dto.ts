import { RequiredText } from '@roundtable/core';

/** Staff's edit of About, Privacy or Contact: a title and the page's text in Markdown. */
export class SitePageDto {
  @RequiredText(120, {
    missing: 'Please give the page a title.',
    tooLong: 'Please keep the title to 120 characters or fewer.',
  })
  title!: string;

  @RequiredText(20_000, {
    missing: 'Please write the page’s text.',
    tooLong: 'Please keep the text under 20,000 characters.',
  })
  bodyMarkdown!: string;
}
