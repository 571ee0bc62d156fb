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

/** Renders the email of one invitation (text and HTML in the council's layout). */
export function invitationMail(context: InvitationMailContext): { subject: string; text: string; html?: string } {
  const subject = `${context.reminder ? 'Reminder: ' : ''}${context.title} — the council’s research survey`;
  const closes = context.closesAt
    ? context.closesAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : null;
  return { subject, ...renderMail('distribution/email/invitation', { ...context, closes, subject }) };
}
