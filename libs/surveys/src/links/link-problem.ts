/**
 * The page a link that cannot be answered gets: why, in words, and the way to ask for a new link.
 * Pure: the reasons come from the response pages, the wording lives here.
 */
export type LinkProblem = 'unknown' | 'revoked' | 'closed' | 'not-open';

const PAGES: Record<LinkProblem, { status: number; heading: string; message: string }> = {
  unknown: {
    status: 404,
    heading: 'We do not recognise this link',
    message:
      'The address may have been cut short or mistyped in your email program. Please open the link from the email again, or ask for a new link below.',
  },
  revoked: {
    status: 410,
    heading: 'This link has been replaced',
    message:
      'A newer link to this survey was sent to you, so this one no longer works. Please use the link in the latest email, or ask for a new link below.',
  },
  closed: {
    status: 410,
    heading: 'This survey has closed',
    message:
      'The survey is no longer taking answers, so nothing was saved. Thank you for your interest: members see the results when they are published. If you think it should still be open, ask for a new link below and the council staff will look into it.',
  },
  'not-open': {
    status: 409,
    heading: 'This survey is not open yet',
    message: 'The survey has not started taking answers. Please come back when it opens.',
  },
};

export function linkProblemPage(problem: LinkProblem, survey?: { title: string; closedOn?: string } | null) {
  const page = PAGES[problem];
  return {
    status: page.status,
    model: {
      title: page.heading,
      heading: page.heading,
      message: page.message,
      surveyTitle: survey?.title ?? null,
      closedOn: problem === 'closed' ? (survey?.closedOn ?? null) : null,
      canAskForLink: problem !== 'not-open',
    },
  };
}
