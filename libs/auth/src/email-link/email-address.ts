/**
 * What sign-in accepts as an email address: a local part without spaces or mail syntax characters,
 * and a domain with a dot. Checked by the forms' DTOs and again by the service (its other callers).
 */
export const EMAIL_ADDRESS = /^[^\s@<>()",;:]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}$/;

/** The longest address a mail server accepts (RFC 5321's path limit less the angle brackets). */
export const MAX_EMAIL_LENGTH = 254;
