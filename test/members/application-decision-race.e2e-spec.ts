import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { PROFILE } from '../support/members';
import { buildMember } from '../support/factories';

const APPROVAL = { status: 'approved', by: 'staff@example.test', reason: null } as const;

/**
 * Staff's decision is a record in application_decisions (a unique insert, one per submission), then a
 * copy on the member: their role and application status. On FerretDB an applicant's write made at
 * the same moment (a profile edit, a deletion request) writes the member back whole and can put back
 * the copy as it was: the member stayed "submitted" while the decision record refused every later
 * decision, so the application waited in the queue for ever. The recorded decision now repairs the
 * copy: the next decision staff try, and the worker's admin-home refresh.
 */
describe('An application decided while the applicant writes their record', () => {
  const ROUNDS = 10;
  let t: TestApp;
  let members: MemberRepository;

  beforeAll(async () => {
    t = await createTestApp();
    members = t.app.get(MemberRepository);
  });
  afterAll(() => t.close());

  async function raceOnce(round: number): Promise<string> {
    const applicant = await buildMember(t, { role: 'applicant', name: `Applicant ${round}` });
    const id = String(applicant._id);
    expect(await members.submitApplication(id, `Applicant ${round}`, PROFILE)).toBe(true);
    await Promise.all([
      members.updateProfile(id, `Applicant ${round}`, PROFILE),
      members.decideApplication(id, APPROVAL),
      members.requestDeletion(id),
    ]);
    return id;
  }

  it('is approved once staff try the decision again, every time', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await raceOnce(round);
      // Staff see the application still waiting (if the copy was lost) and approve it again.
      expect(await members.decideApplication(id, { ...APPROVAL, status: 'declined', reason: 'Later' })).toBe(false);
      const stored = await members.findById(id);
      expect({ round, role: stored?.role, status: stored?.application.status }).toEqual({
        round,
        role: 'member',
        status: 'approved',
      });
    }
  });

  it('is approved by the worker’s repair of decisions whose copy was lost, every time', async () => {
    const ids: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ids.push(await raceOnce(100 + round));
    }
    await members.applyLostDecisions();
    const stored = await members.findByIds(ids);
    expect(stored.map((member) => [member.role, member.application.status])).toEqual(
      Array(ROUNDS).fill(['member', 'approved']),
    );
    expect(await members.submittedApplicationIds()).not.toEqual(expect.arrayContaining([ids[0]]));
  });
});
