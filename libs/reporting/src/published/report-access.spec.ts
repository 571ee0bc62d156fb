import { teaserFor } from './report-access';

const finding = { headline: 'The 3 most common: a; b; c.', highlights: ['60% response rate', '6 members answered'] };
const member = (entitlements: string[]) => ({ role: 'member', membership: { entitlements } });

describe(teaserFor.name, () => {
  it('gives everyone the headline, signed out too', () => {
    for (const viewer of [undefined, { role: 'applicant', membership: { entitlements: [] } }, member([])]) {
      expect(teaserFor(finding, viewer)).toEqual({ headline: finding.headline, highlights: [], readsReport: false });
    }
  });

  it('gives the figures and the report to a tier that includes the reports, and to staff', () => {
    for (const viewer of [member(['see_reports']), { role: 'staff', membership: { entitlements: [] } }]) {
      expect(teaserFor(finding, viewer)).toEqual({ ...finding, readsReport: true });
    }
  });

  it('keeps the figures from a tier with other benefits only', () => {
    expect(teaserFor(finding, member(['members_posts', 'comment'])).readsReport).toBe(false);
  });
});
