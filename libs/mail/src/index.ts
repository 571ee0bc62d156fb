/** @roundtable/mail: outgoing email through the job queue and a pooled SMTP transport. */
export { MailModule } from './mail.module';
export { MailService, MAIL_JOB, type OutgoingMail } from './mail.service';
export { MailEnvironmentVariables, mailConfig } from './mail.config';
export { renderMail } from './mail-templates';
export {
  MailTransport,
  TransientMailError,
  type SendOutcome,
  type TransportMessage,
} from './sending/mail-transport.service';
export { classifySmtpFailure, type SmtpFailure } from './sending/smtp-outcome';
export { SuppressionRepository } from './suppression/suppression.repository';
export {
  UnsubscribeService,
  type UnsubscribeLinkForMessage,
  type UnsubscribePage,
} from './suppression/unsubscribe.service';
export { SUPPRESSION_REASONS, type SuppressionReason } from './suppression/suppression.schema';
