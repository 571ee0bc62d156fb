/** @roundtable/mail: outgoing email through the job queue and a pooled SMTP transport. */
export { MailModule } from './mail.module';
export { MailService, MAIL_JOB, type OutgoingMail } from './mail.service';
export { MailEnvironmentVariables, mailConfig } from './mail.config';
export { renderMail } from './mail-templates';
