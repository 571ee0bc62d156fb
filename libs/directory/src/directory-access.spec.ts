import { inCouncilNow } from './directory-access';

const member = (state: string) => ({ role: 'member', membership: { state } });

describe(inCouncilNow.name, () => {
  it('counts members whose membership grants benefits now, and staff', () => {
    for (const someone of [
      member('active'),
      member('past_due'),
      member('canceling'),
      { role: 'staff' },
      { role: 'admin' },
    ]) {
      expect(inCouncilNow(someone)).toBe(true);
    }
  });

  it('leaves out lapsed, canceled, unpaid and never-paid members, and applicants', () => {
    for (const someone of [
      member('lapsed'),
      member('canceled'),
      member('pending_payment'),
      member('none'),
      { role: 'member', membership: null },
      { role: 'applicant', membership: { state: 'active' } },
    ]) {
      expect(inCouncilNow(someone)).toBe(false);
    }
  });
});
