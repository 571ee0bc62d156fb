import { SharedVersions } from '@roundtable/core';
import { MEMBERS_VERSION, MemberRepository, MembersModule } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { PROFILE } from '../support/members';

type Step = (members: MemberRepository, id: string) => Promise<unknown>;

/**
 * Every write of MemberRepository, in an order that gives each something to change (an application
 * is submitted before it is decided, erasure comes last).
 */
const WRITES: Record<string, Step> = {
  setMembership: (members, id) => members.setMembership(id, { state: 'active', tier: 'associate', entitlements: [] }),
  fillFromLinkedIn: (members, id) => members.fillFromLinkedIn(id, { pictureUrl: 'https://example.com/a.png' }),
  updateProfile: (members, id) => members.updateProfile(id, 'Ada L.', PROFILE),
  submitApplication: (members, id) => members.submitApplication(id, 'Ada L.', PROFILE),
  decideApplication: (members, id) =>
    members.decideApplication(id, { status: 'declined', by: 'staff@example.com', reason: 'Not yet' }),
  requestDeletion: (members, id) => members.requestDeletion(id),
  withdrawDeletionRequest: (members, id) => members.withdrawDeletionRequest(id),
  eraseMember: (members, id) => members.eraseMember(id),
};

/** The methods that only read members (and `noteChanged`, whose whole job is the version). */
const READS = [
  'noteChanged',
  'findByEmail',
  'findById',
  'findByIds',
  'countSubmittedApplications',
  'submittedApplicationIds',
  'countDeletionRequests',
  'listApplications',
  'listPage',
  'list',
  'cursor',
  'streamInStates',
  'toQuery',
];

/**
 * Writes that change a member only when an earlier write was lost (a decision's copy on the member:
 * test/members/application-decision-race.e2e-spec.ts), so no step here gives them something to do;
 * they change members through `applyDecision`, which is `decideApplication`'s write.
 */
const REPAIRS = ['applyLostDecisions', 'applyDecision'];

describe('MemberRepository writes and the members version (real FerretDB)', () => {
  let t: TestApp;
  let members: MemberRepository;
  const version = async () => (await t.app.get(SharedVersions).snapshot())[MEMBERS_VERSION];

  beforeAll(async () => {
    t = await createTestApp({ imports: [MembersModule] });
    members = t.app.get(MemberRepository);
  });
  afterAll(() => t.close());

  it('knows every method of the repository as a write or a read, so a new write is tested below', () => {
    const methods = Object.getOwnPropertyNames(MemberRepository.prototype).filter((name) => name !== 'constructor');
    const unknown = methods.filter(
      (name) => !(name in WRITES) && !READS.includes(name) && !REPAIRS.includes(name) && name !== 'create',
    );
    expect(unknown).toEqual([]);
  });

  it('moves the version when a member is created', async () => {
    const before = await version();
    await members.create({ email: 'versioned@example.com', name: 'Ada', role: 'applicant' });
    expect(await version()).not.toBe(before);
  });

  it('moves the version when creating a member is refused (the write was tried)', async () => {
    const before = await version();
    await expect(members.create({ email: 'versioned@example.com', name: 'Ada again' })).rejects.toThrow(
      'A member with the email address versioned@example.com already exists.',
    );
    expect(await version()).not.toBe(before);
  });

  it.each(Object.keys(WRITES))('moves the version on %s', async (name) => {
    const member = await members.findByEmail('versioned@example.com');
    const id = String(member!._id);
    const before = await version();
    // The boolean writes say whether they changed anything: each step here must have.
    expect(await WRITES[name](members, id)).not.toBe(false);
    expect(await version()).not.toBe(before);
  });

  it('erased the member with the last step', async () => {
    expect(await members.findByEmail('versioned@example.com')).toBeNull();
  });

  it('leaves the version alone on a read', async () => {
    const before = await version();
    await members.findByEmail('someone@example.com');
    await members.listPage({}, { range: null, sort: { _id: 1 }, limit: 5, backward: false, size: 4, order: [] });
    expect(await version()).toBe(before);
  });
});
