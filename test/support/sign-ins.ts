import type { TestApp } from './create-test-app';
import { modelOf } from './stored';

/** Runs out every sign-in link and code emailed to this address, as if their time had passed. */
export async function expireSignInTokens(t: TestApp, email: string): Promise<void> {
  await modelOf(t, 'SignInToken').updateMany({ email }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
}

/** Links a LinkedIn account (by its subject) to a member, as a first LinkedIn sign-in does. */
export async function buildLinkedInIdentity(t: TestApp, memberId: string, subject = `li-${memberId}`): Promise<void> {
  await modelOf<{ subject: string; memberId: string }>(t, 'LinkedInIdentity').create({ subject, memberId });
}
