import { nameToPrefill } from './applications.service';

describe(nameToPrefill.name, () => {
  it("leaves the name empty when it is only the email address's first part, and keeps a name a person gave", () => {
    expect(nameToPrefill({ name: 'nia.applicant', email: 'nia.applicant@example.test' })).toBe('');
    expect(nameToPrefill({ name: 'Nia Applicant', email: 'nia.applicant@example.test' })).toBe('Nia Applicant');
  });
});
