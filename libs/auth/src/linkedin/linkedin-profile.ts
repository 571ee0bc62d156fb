/**
 * LinkedIn's OpenID Connect userinfo response (https://api.linkedin.com/v2/userinfo), as documented:
 * `sub`, `name`, `given_name`, `family_name`, `picture`, `locale`, `email`, `email_verified`.
 */
export interface LinkedInUserinfo {
  sub?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  picture?: unknown;
  locale?: unknown;
  email?: unknown;
  email_verified?: unknown;
}

/** What sign-in needs from LinkedIn, checked. */
export interface LinkedInProfile {
  provider: 'linkedin';
  id: string;
  displayName: string;
  email: string | null;
  emailVerified: boolean;
  pictureUrl: string | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Maps a userinfo body to our profile; throws when it has no subject. Pure, unit-tested. */
export function toLinkedInProfile(body: LinkedInUserinfo): LinkedInProfile {
  const id = text(body.sub);
  if (!id) {
    throw new Error('LinkedIn userinfo has no subject');
  }
  const name = text(body.name) || [text(body.given_name), text(body.family_name)].filter(Boolean).join(' ');
  const picture = text(body.picture);
  const email = text(body.email).toLowerCase();
  return {
    provider: 'linkedin',
    id,
    displayName: name || 'LinkedIn member',
    email: email || null,
    // LinkedIn sends a boolean; accept the string form some proxies produce, nothing else.
    emailVerified: body.email_verified === true || body.email_verified === 'true',
    pictureUrl: /^https?:\/\//.test(picture) ? picture : null,
  };
}
