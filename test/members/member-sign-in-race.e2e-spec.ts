import { type LinkedInProfile, LinkedInSignInService } from '@roundtable/auth';
import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember, uniqueEmail } from '../support/factories';

/**
 * Every LinkedIn sign-in wrote the member's photo, changed or not. FerretDB writes a document back
 * whole on every update, so a sign-in at the moment billing recorded a membership change (a webhook)
 * could put back the membership as it was: a member who had just paid had no entitlements until the
 * next billing event. A sign-in now writes the member only when LinkedIn's photo changed.
 */
describe('A LinkedIn sign-in beside a membership change', () => {
  const ROUNDS = 10;
  let t: TestApp;
  let members: MemberRepository;
  let signIn: LinkedInSignInService;

  beforeAll(async () => {
    t = await createTestApp();
    members = t.app.get(MemberRepository);
    signIn = t.app.get(LinkedInSignInService);
  });
  afterAll(() => t.close());

  const profileOf = (email: string, pictureUrl: string): LinkedInProfile => ({
    provider: 'linkedin',
    id: `linkedin-${email}`,
    displayName: 'Lin Kedin',
    email,
    emailVerified: true,
    pictureUrl,
  });

  it('keeps the membership billing recorded, every time', async () => {
    const email = uniqueEmail('signin-race');
    const member = await buildMember(t, { email });
    const id = String(member._id);
    const profile = profileOf(email, 'https://media.example.test/lin.jpg');
    await signIn.memberFor(profile); // links the LinkedIn account and stores the photo
    for (let round = 0; round < ROUNDS; round++) {
      const membership = { tier: `tier-${round}`, state: 'active', entitlements: [`entitlement-${round}`] };
      await Promise.all([signIn.memberFor(profile), members.setMembership(id, membership), signIn.memberFor(profile)]);
      const stored = await members.findById(id);
      expect({ round, membership: stored?.membership }).toEqual({ round, membership });
    }
  });

  it('still stores a photo LinkedIn changed', async () => {
    const email = uniqueEmail('signin-photo');
    await buildMember(t, { email });
    await signIn.memberFor(profileOf(email, 'https://media.example.test/old.jpg'));
    const member = await signIn.memberFor(profileOf(email, 'https://media.example.test/new.jpg'));
    expect((await members.findById(String(member._id)))?.pictureUrl).toBe('https://media.example.test/new.jpg');
  });
});
