/**
 * The driver's connection class is not in its published types. Tests spy on its `command`, which every
 * database command passes through (bench/lib/command-counter.js wraps the same method).
 */
declare module 'mongodb/lib/cmap/connection' {
  export class Connection {
    command(ns: unknown, command: Record<string, unknown>, ...rest: unknown[]): Promise<unknown>;
  }
}
