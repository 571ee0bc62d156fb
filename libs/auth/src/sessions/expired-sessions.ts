import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SessionRepository } from './session.repository';

/** How often expired sessions are removed. */
export const EXPIRED_SESSIONS_EVERY_MS = 10 * 60 * 1000;

/**
 * Removes expired sessions (FerretDB refuses the TTL index connect-mongo would otherwise create).
 *
 * Not connect-mongo's own `autoRemove: 'interval'`: it deletes with an unacknowledged write
 * (`writeConcern: { w: 0 }`), and FerretDB v1 answers such a write anyway. The driver does not read
 * that answer, so it waits on the connection and the next command sent there reads it as its own:
 * every ten minutes a request failed with `BSON element "cursor" is missing` or, worse, got another
 * query's document (a session read as the member: a signed-in admin saw "no access"). Measured on
 * v1.24.2: 20 of 20 unacknowledged deletes broke the next read on their connection. This delete is
 * acknowledged, so nothing is left on the connection.
 */
@Injectable()
export class ExpiredSessions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private timer?: NodeJS.Timeout;

  constructor(private readonly sessions: SessionRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.removeExpired().catch((error: unknown) =>
        this.logger.warn(`Could not remove expired sessions: ${String(error)}`),
      );
    }, EXPIRED_SESSIONS_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes the sessions whose expiry has passed; returns how many. A scan, so only on a timer. */
  removeExpired(now = new Date()): Promise<number> {
    return this.sessions.deleteExpired(now);
  }
}
