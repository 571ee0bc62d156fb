import { MemberRepository, profileFrom, type ProfileDto } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';
import { profileForm } from '../support/forms';
import { writeMembers } from '../support/members';
import { walkList } from '../support/list-pages';
import { signInAs } from '../support/sessions';

/** Staff's applications as a list: keyset pages through ties, statuses, search, a refused decline. */
describe('The applications list', () => {
  let t: TestApp;
  let members: MemberRepository;
  const HEADING = /<h2>(Applicant [^<]*) <small/;

  /** Submits an application for a new applicant through the repository the form uses. */
  async function apply(name: string): Promise<string> {
    const applicant = await buildMember(t, { role: 'applicant', name });
    const { profile } = profileFrom(profileForm({ name }) as unknown as ProfileDto);
    await members.submitApplication(String(applicant._id), name, profile);
    return String(applicant._id);
  }

  beforeAll(async () => {
    t = await createTestApp();
    members = t.app.get(MemberRepository);
  });
  afterAll(() => t.close());

  it('pages the queue oldest first through applications submitted at the same moment, each once, both ways', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `Applicant ${String(i).padStart(2, '0')}`);
    const ids: string[] = [];
    for (const name of names) {
      ids.push(await apply(name));
    }
    // Six share one submission time (ties across page boundaries); two came earlier.
    const same = new Date('2026-11-20T09:00:00Z');
    await writeMembers(t, async (members) => {
      await members.updateMany({ name: { $in: names.slice(2) } }, { $set: { 'application.submittedAt': same } });
      await members.updateOne(
        { name: names[0] },
        { $set: { 'application.submittedAt': new Date('2026-11-19T09:00:00Z') } },
      );
      await members.updateOne(
        { name: names[1] },
        { $set: { 'application.submittedAt': new Date('2026-11-18T09:00:00Z') } },
      );
    });

    const staff = await signInAs(t, { role: 'staff' });
    const { forward, backward } = await walkList(staff.agent, '/admin/applications?size=3', HEADING);
    const expected = [names[1], names[0], ...names.slice(2)];
    expect(forward.flatMap((page) => page.rows)).toEqual(expected);
    expect(forward.map((page) => page.rows.length)).toEqual([3, 3, 2]);
    expect(backward.map((page) => page.rows)).toEqual(forward.map((page) => page.rows));
  });

  it('lists approved and declined applications, newest decision first, and searches by name or email start', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    const kept = await apply('Applicant Kept');
    const turned = await apply('Applicant Turned');
    await members.decideApplication(kept, { status: 'approved', by: String(staff.member._id), reason: null });
    await members.decideApplication(turned, { status: 'declined', by: String(staff.member._id), reason: 'Not a CCO' });

    const approved = await staff.agent.get('/admin/applications?status=approved').expect(200);
    expect(approved.text).toContain('Applicant Kept');
    expect(approved.text).not.toContain('Applicant Turned');
    expect(approved.text).not.toContain('>Approve</button>');
    const declined = await staff.agent.get('/admin/applications?status=declined').expect(200);
    expect(declined.text).toContain('Reason given: Not a CCO');
    expect(declined.text).not.toContain('Applicant Kept');

    const search = await staff.agent.get('/admin/applications?search=applicant%2003').expect(200);
    expect([...search.text.matchAll(new RegExp(HEADING.source, 'g'))].map((m) => m[1])).toEqual(['Applicant 03']);
    expect((await staff.agent.get('/admin/applications?search=licant').expect(200)).text).toContain(
      'No applications match.',
    );
    const odd = await staff.agent.get('/admin/applications?status=everything&utm=x').expect(200);
    expect(odd.text).toContain('That is not a list of applications, so the waiting ones are shown.');
    expect(odd.text).toContain('Applicant 00');
  });

  it('shows a refused decline with its form at the top, even for an application on a later page', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    const late = await apply('Applicant Late');
    await writeMembers(t, (members) =>
      members.updateOne(
        { name: 'Applicant Late' },
        { $set: { 'application.submittedAt': new Date('2026-11-25T09:00:00Z') } },
      ),
    );
    const first = await staff.agent.get('/admin/applications?size=2').expect(200);
    expect(first.text).not.toContain('Applicant Late');
    const refused = await staff.agent
      .post(`/admin/applications/${late}/decline`)
      .type('form')
      .send({ _csrf: staff.csrfToken, reason: 'Kept reason' })
      .expect(422);
    expect(refused.text).toContain('Applicant Late');
    expect(refused.text).toContain('value="Kept reason"');
    expect(refused.text).toContain('id="confirm-error"');
  });
});
