import { ConsoleLogger, LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Nest's own logger: one JSON object a line in production (structured, for a log collector), or
 * coloured text for a person at a terminal. Levels above the chosen one are kept.
 */
export function createLogger(options: { format: 'json' | 'pretty'; level: LogLevel }): ConsoleLogger {
  const upTo = LEVELS.indexOf(options.level);
  return new ConsoleLogger({
    json: options.format === 'json',
    colors: options.format === 'pretty',
    logLevels: LEVELS.slice(0, upTo + 1),
  });
}
