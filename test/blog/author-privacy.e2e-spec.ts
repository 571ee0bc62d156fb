import request from 'supertest';
import { MemberRepository, type MemberRecord } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';

/** A full profile whose every value is findable in a page. */
function profileOf(label: string) {
  return {
    title: `Title-${label}`,
    company: `Company-${label}`,
    revenueBand: '>$1B',
    businessModel: 'B2B',
    industry: 'Insurance',
    ccoModel: 'Generalist',
    reportsTo: 'CEO',
    boardMember: false,
    yearsInRole: 3,
    linkedinUrl: `https://www.linkedin.com/in/${label}`,
  };
}

describe('Author pages and public pages show only public people', () => {
  let t: TestApp;
  let author: SignedIn;
  let applicant: MemberRecord;
  let silentMember: MemberRecord;
  let draftWriter: SignedIn;

  const publicGet = (path: string) => request(t.app.getHttpServer()).get(path).set('Accept', 'text/html');

  beforeAll(async () => {
    t = await createTestApp();
    const members = t.app.get(MemberRepository);
    author = await signInAs(t, { role: 'staff', name: 'Pat Author' });
    await members.updateProfile(String(author.member._id), 'Pat Author', profileOf('pat-author'));
    applicant = (await signInAs(t, { role: 'applicant', name: 'Quinn Applicant' })).member;
    await members.updateProfile(String(applicant._id), 'Quinn Applicant', profileOf('quinn-applicant'));
    silentMember = (await signInAs(t, { role: 'member', name: 'Riley Silent' })).member;
    await members.updateProfile(String(silentMember._id), 'Riley Silent', profileOf('riley-silent'));
    draftWriter = await signInAs(t, { role: 'staff', name: 'Sky Drafter' });
    await members.updateProfile(String(draftWriter.member._id), 'Sky Drafter', profileOf('sky-drafter'));

    for (const [who, title, action] of [
      [author, 'A published piece', 'publish'],
      [draftWriter, 'An unfinished piece', 'save'],
    ] as const) {
      await who.agent
        .post('/admin/posts')
        .type('form')
        .send({ _csrf: who.csrfToken, title, bodyMarkdown: 'Words.', action })
        .expect(303);
    }
  });
  afterAll(() => t.close());

  it('shows an author with a published post: their byline and nothing private', async () => {
    const page = await publicGet(`/authors/${String(author.member._id)}`).expect(200);
    expect(page.text).toContain('Posts by Pat Author');
    expect(page.text).toContain('Title-pat-author at Company-pat-author');
    expect(page.text).toContain('href="https://www.linkedin.com/in/pat-author"');
    expect(page.text).not.toContain(author.member.email);
    expect(page.text).not.toContain('Insurance');
    expect(page.text).not.toContain('&gt;$1B');
  });

  it.each([
    ['an applicant', () => applicant, 'Quinn Applicant'],
    ['a member who never wrote', () => silentMember, 'Riley Silent'],
    ['a writer with only a draft', () => draftWriter.member, 'Sky Drafter'],
  ])('has no page for %s', async (_label, who, name) => {
    const page = await publicGet(`/authors/${String(who()._id)}`).expect(404);
    expect(page.text).not.toContain(name);
    expect(page.text).not.toContain('linkedin.com');
  });

  it('answers a malformed or unknown id with 404', async () => {
    await publicGet('/authors/not-an-id').expect(404);
    await publicGet('/authors/000000000000000000000000').expect(404);
  });

  it('names no member other than the author on any public page', async () => {
    const post = await publicGet('/blog/a-published-piece').expect(200);
    const pages = [
      post.text,
      (await publicGet('/').expect(200)).text,
      (await publicGet('/join').expect(200)).text,
      (await publicGet('/about').expect(200)).text,
      (await publicGet('/search?q=piece').expect(200)).text,
      (await request(t.app.getHttpServer()).get('/feed.xml').expect(200)).text,
      (await request(t.app.getHttpServer()).get('/sitemap.xml').expect(200)).text,
    ];
    expect(post.text).toContain('Pat Author');
    for (const text of pages) {
      for (const hidden of ['Quinn Applicant', 'Riley Silent', 'Sky Drafter', 'unfinished piece']) {
        expect(text).not.toContain(hidden);
      }
      for (const member of [author.member, applicant, silentMember, draftWriter.member]) {
        expect(text).not.toContain(member.email);
      }
    }
  });
});
