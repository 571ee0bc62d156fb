import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { freePort } from '../../tools/servers/local-servers';

/** A message as a test relay accepted it. */
export interface RelayedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/**
 * A real SMTP server a test owns (smtp-server, like the shared sink), for what the shared sink
 * cannot do: refuse some addresses with a 5xx reply, be stopped and started again on the same port
 * (an outage), call back as each message arrives, or hold messages unanswered (to crash a worker
 * mid-distribution).
 */
export class TestRelay {
  readonly received: RelayedMail[] = [];
  private server: SMTPServer | undefined;
  /** Called as each message arrives; returning false refuses it (not stored, the sender sees an error). */
  onMessage: ((mail: RelayedMail) => boolean | void) | undefined;
  /**
   * Called as each message arrives; returning true holds it: neither stored nor answered, so the
   * sender waits on it (a worker killed meanwhile never learns it was taken, and it never was).
   */
  holdIf: ((mail: RelayedMail) => boolean) | undefined;
  /** Messages held so far (never stored). */
  held = 0;

  private constructor(
    readonly port: number,
    private readonly refuse: (address: string) => boolean,
  ) {}

  static async start(options: { refuse?: (address: string) => boolean } = {}): Promise<TestRelay> {
    const relay = new TestRelay(await freePort(), options.refuse ?? (() => false));
    await relay.resume();
    return relay;
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  countTo(address: string): number {
    return this.received.filter((mail) => mail.to.includes(address.toLowerCase())).length;
  }

  /** Starts listening (again) on the same port. */
  async resume(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // A stop drops the pooled connections a worker keeps open instead of waiting for them.
      closeTimeout: 50,
      onRcptTo: (address, _session, callback) => {
        if (this.refuse(address.address.toLowerCase())) {
          const error = new Error('5.1.1 No such user here') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const mail: RelayedMail = {
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: Object.fromEntries(
                parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).trim()]),
              ),
            };
            if (this.holdIf?.(mail)) {
              this.held += 1;
              return; // no reply: the connection waits until its sender goes away
            }
            if (this.onMessage?.(mail) === false) {
              callback(new Error('refused by the test'));
              return;
            }
            this.received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Stops listening and drops open connections (the relay is down until `resume`). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}
