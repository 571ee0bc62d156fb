import { toLinkedInProfile } from './linkedin-profile';

describe(toLinkedInProfile.name, () => {
  it("maps LinkedIn's documented userinfo response", () => {
    // The example response in LinkedIn's "Sign In with LinkedIn using OpenID Connect" documentation.
    const profile = toLinkedInProfile({
      sub: '782bbtaQ',
      name: 'John Doe',
      given_name: 'John',
      family_name: 'Doe',
      picture: 'https://media.licdn-ei.com/dms/image/C5F03AQHqK8v7tB1HCQ/profile-displayphoto-shrink_100_100/0/',
      locale: 'en-US',
      email: 'doe@email.com',
      email_verified: true,
    });
    expect(profile).toEqual({
      provider: 'linkedin',
      id: '782bbtaQ',
      displayName: 'John Doe',
      email: 'doe@email.com',
      emailVerified: true,
      pictureUrl: 'https://media.licdn-ei.com/dms/image/C5F03AQHqK8v7tB1HCQ/profile-displayphoto-shrink_100_100/0/',
    });
  });

  it('treats a missing or false email_verified as unverified, and drops a non-http picture', () => {
    const profile = toLinkedInProfile({
      sub: 'x',
      given_name: 'Ann',
      family_name: 'Lee',
      email: 'A@B.test',
      picture: 'javascript:1',
    });
    expect(profile).toMatchObject({
      displayName: 'Ann Lee',
      email: 'a@b.test',
      emailVerified: false,
      pictureUrl: null,
    });
  });

  it('refuses a response without a subject', () => {
    expect(() => toLinkedInProfile({ email: 'a@b.test' })).toThrow('no subject');
  });
});
