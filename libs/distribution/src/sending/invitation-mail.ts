import { randomBytes } from 'node:crypto';
import { escapeHtml, formatDate } from '@roundtable/core';
import { renderMail } from '@roundtable/mail';

/** What an invitation or reminder email says. */
export interface InvitationMailContext {
  name: string;
  title: string;
  intro: string;
  surveyUrl: string;
  unsubscribeUrl: string;
  closesAt: Date | null;
  reminder: boolean;
}

/** What differs from one recipient of a batch to the next. */
export type RecipientValues = Pick<InvitationMailContext, 'name' | 'surveyUrl' | 'unsubscribeUrl'>;

export interface InvitationMailBody {
  subject: string;
  text: string;
  html?: string;
}

/** Renders the email of one invitation (text and HTML in the council's layout). */
export function invitationMail(context: InvitationMailContext): InvitationMailBody {
  const subject = `${context.reminder ? 'Reminder: ' : ''}${context.title} — the council’s research survey`;
  const closes = context.closesAt ? formatDate(context.closesAt) : null;
  return { subject, ...renderMail('distribution/email/invitation', { ...context, closes, subject }) };
}

/**
 * The email of a whole batch, rendered once: the templates run with a marker in place of each
 * recipient's values, and each email is the two bodies cut at the markers with that recipient's values
 * put in (escaped for HTML as the template would). Same bytes as `invitationMail` per recipient, but a
 * batch of 250 renders twice instead of 500 times, which was a large share of a worker's CPU and of the
 * garbage that grew its heap. The markers carry random letters, so no survey text can contain them.
 */
export function invitationMailer(
  context: Omit<InvitationMailContext, keyof RecipientValues>,
): (recipient: RecipientValues) => InvitationMailBody {
  const nonce = randomBytes(6).toString('hex');
  const markers: RecipientValues = {
    name: `rtslot${nonce}name`,
    surveyUrl: `rtslot${nonce}surveyUrl`,
    unsubscribeUrl: `rtslot${nonce}unsubscribeUrl`,
  };
  const rendered = invitationMail({ ...context, ...markers });
  // Split at the markers, keeping them: even parts are fixed text, odd parts name the value there.
  const cut = (body: string) =>
    body
      .split(new RegExp(`(rtslot${nonce}(?:name|surveyUrl|unsubscribeUrl))`))
      .map((part, k) => (k % 2 === 0 ? part : (part.slice(`rtslot${nonce}`.length) as keyof RecipientValues)));
  const text = cut(rendered.text);
  const html = rendered.html === undefined ? undefined : cut(rendered.html);
  const fill = (parts: string[], values: RecipientValues, escape: (value: string) => string) =>
    parts.map((part, k) => (k % 2 === 0 ? part : escape(values[part as keyof RecipientValues]))).join('');
  return (recipient) => ({
    subject: rendered.subject,
    text: fill(text, recipient, (value) => value),
    ...(html ? { html: fill(html, recipient, escapeHtml) } : {}),
  });
}
