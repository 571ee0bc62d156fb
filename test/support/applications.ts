import type { TestApp } from './create-test-app';
import { profileForm } from './forms';
import { signInAs, type SignedIn } from './sessions';

/** An applicant named `name` who has sent the application form (through the real /apply route). */
export async function applyAs(t: TestApp, name: string): Promise<SignedIn> {
  const applicant = await signInAs(t, { role: 'applicant', name });
  await applicant.agent
    .post('/apply')
    .type('form')
    .send({ _csrf: applicant.csrfToken, ...profileForm({ name }) })
    .expect(303);
  return applicant;
}
