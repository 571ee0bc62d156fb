import { invitationMail, invitationMailer } from './invitation-mail';

describe(invitationMailer.name, () => {
  const survey = {
    title: 'Functions & "priorities" <2027>',
    intro: "Which are yours?\nSay so — it's quick.",
    closesAt: new Date('2027-03-01T00:00:00Z'),
  };
  const recipients = [
    {
      name: `Ann O'Brien & <Sons> "Ltd" \\ co`,
      surveyUrl: 'https://rt.test/s/abc_-1',
      unsubscribeUrl: 'https://rt.test/u/x?a=1&b=2',
    },
    { name: 'Bo', surveyUrl: 'https://rt.test/s/zz', unsubscribeUrl: 'https://rt.test/u/y' },
  ];

  it.each([false, true])('renders each recipient exactly as rendering alone would (reminder: %s)', (reminder) => {
    const mailFor = invitationMailer({ ...survey, reminder });
    for (const recipient of recipients) {
      expect(mailFor(recipient)).toEqual(invitationMail({ ...survey, ...recipient, reminder }));
    }
  });

  it('puts in the values, not the markers, however often a slot appears', () => {
    const mail = invitationMailer({ ...survey, closesAt: null, reminder: false })(recipients[1]);
    expect(mail.text).toContain('Dear Bo,');
    expect(mail.text).toContain('https://rt.test/s/zz');
    expect(mail.html).toContain('href="https://rt.test/u/y"');
    expect(`${mail.text}${mail.html}`).not.toMatch(/rtslot/);
  });
});
