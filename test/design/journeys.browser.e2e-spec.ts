import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AdminWorkerModule } from '@roundtable/admin';
import { TierRepository } from '@roundtable/billing';
import { PostRepository, seedDemoPosts } from '@roundtable/blog';
import { DEMO_SURVEY_TITLE, ReportingWorkerModule } from '@roundtable/reporting';
import { keepScreenshot, startBrowserApp } from '../support/browser';
import { applyAs } from '../support/applications';
import type { TestApp } from '../support/create-test-app';
import { seedDemoCouncil } from '../support/demo';
import { auditContext, axeViolations, pageProblems } from '../support/page-checks';
import { buildGuestComment } from '../support/comments';
import { signInAs, SignedIn } from '../support/sessions';
import { buildSurvey } from '../distribution/distribution-fixtures';
import { invite, openSurvey } from '../surveys/survey-fixtures';

/**
 * Staff's and members' journeys at a laptop's 1280 px and a phone's 390 px, each page measured as a
 * reader meets it: no sideways scroll, nothing clipped or cut with "…", no text under 11 px, no axe-core
 * violation, and a screenshot kept (test-artifacts/screenshots/journey-*.png) to look at.
 */
jest.setTimeout(240_000);

const WIDTHS = [
  { phone: false, name: 'laptop' },
  { phone: true, name: 'phone' },
] as const;

describe('Staff and member journeys at 1280 and 390 px', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let staff: SignedIn;
  let member: SignedIn;
  let demoSurveyId: string;
  let draftSurveyId: string;
  let openSurveyId: string;
  let surveyToken: string;

  /** One context per reader and width for the whole run (contexts cost more than pages to make). */
  const contexts = new Map<string, Promise<BrowserContext>>();
  const contextFor = (who: SignedIn | null, phone: boolean) => {
    const key = `${who ? String(who.member._id) : 'visitor'}:${phone}`;
    if (!contexts.has(key)) {
      contexts.set(key, auditContext(browser, baseUrl, who, phone));
    }
    return contexts.get(key)!;
  };

  /**
   * Opens `path` as `who` at both widths at once (a page each, in that reader's context for the width),
   * runs `act` on the page if given, and measures what it shows. `oneAtATime` when `act` leaves a
   * message for the next page: both widths share the reader's session, so the other could take it.
   */
  async function visit(
    who: SignedIn | null,
    path: string,
    name: string,
    act?: (page: Page, phone: boolean) => Promise<void>,
    oneAtATime = false,
  ): Promise<void> {
    const widths = oneAtATime ? WIDTHS.map((width) => [width]) : [WIDTHS];
    for (const together of widths) {
      await Promise.all(
        together.map(async (width) => {
          const page = await (await contextFor(who, width.phone)).newPage();
          try {
            const response = await page.goto(`${baseUrl}${path}`);
            expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
            if (act) {
              await act(page, width.phone);
            }
            await keepScreenshot(page, `journey-${name}-${width.name}`);
            const problems = await pageProblems(page);
            expect({ page: `${name} (${width.name})`, ...problems }).toEqual({
              page: `${name} (${width.name})`,
              sidewaysScroll: false,
              smallText: [],
              clipped: [],
              labelsApart: [],
            });
            expect({ page: `${name} (${width.name})`, axe: await axeViolations(page) }).toEqual({
              page: `${name} (${width.name})`,
              axe: [],
            });
          } finally {
            await page.close();
          }
        }),
      );
    }
  }

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp({ imports: [ReportingWorkerModule, AdminWorkerModule] }));
    await t.app.get(TierRepository).seedDefaults();
    demoSurveyId = (await seedDemoCouncil(t)).surveyId;
    staff = await signInAs(t, { role: 'admin', name: 'Sam Staff' });
    member = await signInAs(t, {
      role: 'member',
      name: 'Morgan Member',
      membership: {
        tier: 'council',
        state: 'active',
        entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post'],
      },
    });
    for (const name of ['Ann Applicant', 'Ben Applicant']) {
      await applyAs(t, name);
    }
    await seedDemoPosts(t.app.get(PostRepository), { id: String(staff.member._id), name: 'Sam Staff' });
    const [post] = await t.app.get(PostRepository).listPublished(new Date(), { limit: 1 });
    await buildGuestComment(t, String(post._id), {
      body: 'Does the **council** publish its method? See `docs/research.md`.',
    });
    draftSurveyId = await buildSurvey(t, 'Accountabilities of the chief customer officer, 2027 edition (council-wide)');
    openSurveyId = await openSurvey(t);
    ({ token: surveyToken } = await invite(t, openSurveyId, {
      memberId: String(member.member._id),
      email: member.member.email,
    }));
    await staff.agent
      .post(`/admin/reports/${demoSurveyId}/publish`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it("staff's home", () => visit(staff, '/admin', 'staff-home'));

  it('approving an application says so', () =>
    visit(
      staff,
      '/admin/applications',
      'applications',
      async (page, phone) => {
        if (!phone) {
          await page.getByRole('button', { name: 'Approve' }).first().click();
          await page.waitForURL(`${baseUrl}/admin/applications`);
          expect(await page.locator('.flash').textContent()).toMatch(/is approved/);
        }
      },
      true,
    ));

  it('the members list', () => visit(staff, '/admin/members', 'members'));
  it('moderation', () => visit(staff, '/admin/comments', 'moderation'));
  it('tiers', () => visit(staff, '/admin/tiers', 'tiers'));
  it('billing events', () => visit(staff, '/admin/billing/events', 'billing-events'));
  it('the survey editor', () => visit(staff, `/admin/surveys/${draftSurveyId}`, 'survey-editor'));
  it('survey progress', () => visit(staff, `/admin/surveys/${openSurveyId}/progress`, 'survey-progress'));
  it('the results console', () => visit(staff, `/admin/reports/${demoSurveyId}`, 'console'));
  it('closing a survey asks first, on a page of its own', () =>
    visit(staff, `/admin/surveys/${openSurveyId}/progress`, 'close-confirm', async (page) => {
      await page.getByRole('link', { name: 'Close the survey now…' }).click();
      await page.waitForURL(`${baseUrl}/admin/surveys/${openSurveyId}/close`);
      expect(await page.locator('#confirm-step .confirm-undo').isVisible()).toBe(true);
      expect(await page.getByLabel('I confirm: close the survey').isVisible()).toBe(true);
    }));

  it('publishing a report asks first, on a page of its own', () =>
    visit(staff, `/admin/reports/${demoSurveyId}`, 'publish-confirm', async (page) => {
      await page.getByRole('link', { name: 'Unpublish…' }).click();
      await page.waitForURL(`${baseUrl}/admin/reports/${demoSurveyId}/unpublish`);
      expect(await page.getByLabel('I confirm: unpublish the report').isVisible()).toBe(true);
    }));

  it("a member's account deletion asks first, saying what it means and how to undo it", () =>
    visit(member, '/portal', 'delete-confirm', async (page) => {
      await page.getByRole('link', { name: 'Ask us to delete my account…' }).click();
      await page.waitForURL(`${baseUrl}/portal/delete`);
      expect(await page.locator('#confirm-step .confirm-undo').textContent()).toContain('Keep my account');
    }));

  it("the member's portal shows their open surveys, their reports and their tier's benefits", () =>
    visit(member, '/portal', 'portal', async (page) => {
      expect(await page.locator('#my-surveys').getByRole('link', { name: 'Accountabilities 2026' }).count()).toBe(1);
      expect(await page.locator('#my-reports').getByRole('link', { name: DEMO_SURVEY_TITLE }).count()).toBe(1);
      expect(await page.locator('#my-benefits').textContent()).toContain('Read the research reports');
      expect(await page.textContent('main')).not.toContain('Coming with');
    }));
  it("the members' report", () => visit(member, `/reports/${demoSurveyId}`, 'report'));
  it('the survey link, which offers its invited member no membership', () =>
    visit(null, `/s/${surveyToken}`, 'survey-link', async (page) => {
      expect(await page.getByRole('link', { name: 'Become a member' }).count()).toBe(0);
    }));
});
