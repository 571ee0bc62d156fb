import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The `libs` folder, found from this file's own place and never by walking up to the repository:
 * this file sits at `libs/core/src/` in the sources (tests) and at `dist/libs/core/src/` in the build,
 * so two levels up is `libs/` in both. The build copies every lib's `src/views/` and `src/assets/`
 * beside its compiled code (the `assets` globs in nest-cli.json), so `dist/` plus `node_modules` and
 * `package.json` is all the production image needs.
 */
export const LIBS_ROOT = resolve(__dirname, '..', '..');

/**
 * Every lib's `src/views/` folder, in name order: a new lib's templates (pages and mail) are found
 * by being in that folder, with no list to update.
 */
export function viewSearchPaths(): string[] {
  return readdirSync(LIBS_ROOT)
    .sort()
    .map((lib) => join(LIBS_ROOT, lib, 'src', 'views'))
    .filter((dir) => existsSync(dir));
}

/** The shared stylesheet and images served under `/assets/`. */
export function coreAssetsDir(): string {
  return join(LIBS_ROOT, 'core', 'src', 'assets');
}
