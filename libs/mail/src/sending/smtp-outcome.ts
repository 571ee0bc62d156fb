/**
 * What an SMTP failure means for the message: a permanent refusal (a 5xx reply: unknown mailbox,
 * rejected address) is a bounce, recorded so the address is not mailed again; anything else (a
 * connection refused, a timeout, a 4xx "try later") is retried with backoff. Pure, tested alone.
 */
export type SmtpFailure = { kind: 'bounced'; code: number; reason: string } | { kind: 'retry'; reason: string };

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const code = (error as { responseCode?: unknown }).responseCode;
  const response = (error as { response?: unknown }).response;
  if (typeof code === 'number' && code >= 500 && code < 600) {
    // The relay's own words ("550 5.1.1 No such user") tell staff why; never the message content.
    const reason = typeof response === 'string' ? response.slice(0, 200) : `SMTP ${code}`;
    return { kind: 'bounced', code, reason };
  }
  const reason =
    typeof code === 'number'
      ? `SMTP ${code}`
      : (((error as { code?: unknown }).code as string | undefined) ?? 'the mail relay could not be reached');
  return { kind: 'retry', reason: String(reason) };
}
