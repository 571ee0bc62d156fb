import type { ChildProcess } from 'node:child_process';

export interface RunningServer {
  port: number;
  stop(): Promise<void>;
  child: ChildProcess;
}
export type FerretDbBackend = 'sqlite' | 'postgresql';
export interface RunningDatabase extends RunningServer {
  kind: string;
  uri: string;
  backend?: FerretDbBackend;
  /** FerretDB's PostgreSQL database, on the PostgreSQL backend (the app's FERRETDB_POSTGRESQL_URL). */
  postgresUrl?: string;
}
export const ROOT: string;
export const BIN: string;
export function freePort(): Promise<number>;
export function waitForPort(
  port: number,
  options?: { timeoutMs?: number; child?: ChildProcess; name?: string },
): Promise<void>;
export function isPortOpen(port: number): Promise<boolean>;
export function hasCommand(name: string): boolean;
export function hasFerretDb(backend?: FerretDbBackend): boolean;
export function ferretDbBackends(): FerretDbBackend[];
export function postgresBinDir(): string | null;
export function startFerretDb(options: {
  port?: number;
  dir: string;
  logFile?: string;
  backend?: FerretDbBackend;
  /** Throwaway data (tests): PostgreSQL skips fsync. */
  throwaway?: boolean;
}): Promise<RunningDatabase>;
export function startMongod(options: { port?: number; dir: string; logFile?: string }): Promise<RunningDatabase>;
export function startStripeMock(options?: {
  httpPort?: number;
  httpsPort?: number;
  logFile?: string;
}): Promise<RunningServer & { url: string }>;
export function startMailSink(options?: {
  smtpPort?: number;
  httpPort?: number;
  logFile?: string;
}): Promise<RunningServer & { smtpUrl: string; url: string }>;
export function startOidcProvider(options?: {
  port?: number;
  logFile?: string;
}): Promise<RunningServer & { url: string; linkedInEnvironment: Record<string, string> }>;
export function startStripePages(options: {
  port?: number;
  stripeMockUrl: string;
  appUrl: string;
  webhookSecret: string;
  stateFile?: string;
  logFile?: string;
}): Promise<RunningServer & { url: string; stripeEnvironment: Record<string, string> }>;
