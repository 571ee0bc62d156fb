// Imported, not read from disk at run time: the compiler emits it into dist/ with the code, so the
// built apps need no project layout around them (see project-root.ts).
import packageJson from '../../../package.json';

/** The platform's version, from the root package.json, shown by `/health` and the start-up line. */
export const APP_VERSION: string = packageJson.version;
