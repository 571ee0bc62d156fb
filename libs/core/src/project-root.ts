import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The repository root (the folder with nest-cli.json), found from this file whether it runs from
 * source (tests) or from dist (the built apps), so templates and assets are read from one place.
 */
export function projectRoot(): string {
  if (cached) {
    return cached;
  }
  let dir = __dirname;
  while (!existsSync(join(dir, 'nest-cli.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('Cannot find the project root (nest-cli.json) above ' + __dirname);
    }
    dir = parent;
  }
  cached = dir;
  return dir;
}
