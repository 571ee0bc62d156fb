import { classifySmtpFailure } from './smtp-outcome';

describe(classifySmtpFailure.name, () => {
  it('calls a 5xx reply a bounce with the relay’s reason', () => {
    expect(classifySmtpFailure({ responseCode: 550, response: '550 5.1.1 No such user' })).toEqual({
      kind: 'bounced',
      code: 550,
      reason: '550 5.1.1 No such user',
    });
  });

  it('retries a 4xx reply and a connection that failed', () => {
    expect(classifySmtpFailure({ responseCode: 451 })).toEqual({ kind: 'retry', reason: 'SMTP 451' });
    expect(classifySmtpFailure({ code: 'ECONNREFUSED' })).toEqual({ kind: 'retry', reason: 'ECONNREFUSED' });
    expect(classifySmtpFailure(new Error('boom'))).toEqual({
      kind: 'retry',
      reason: 'the mail relay could not be reached',
    });
  });
});
