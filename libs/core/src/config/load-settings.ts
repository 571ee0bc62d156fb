import { EnvironmentError, EnvironmentVariables, validateEnvironment } from './env.validation';

/**
 * Validates the core variables and those of every feature area the app loads, before Nest starts, so
 * a bad environment stops the process with one readable line naming every problem (exit code 78,
 * EX_CONFIG) instead of a stack trace halfway through start-up.
 */
export function loadSettingsOrExit(...featureVariables: Array<new () => object>): EnvironmentVariables {
  const problems: string[] = [];
  let core: EnvironmentVariables | undefined;
  for (const variables of [EnvironmentVariables, ...featureVariables]) {
    try {
      const settings = validateEnvironment(process.env, variables);
      core ??= settings as EnvironmentVariables;
    } catch (error) {
      if (!(error instanceof EnvironmentError)) {
        throw error;
      }
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0 || !core) {
    process.stderr.write(`Roundtable cannot start: ${problems.join('; ')}.\nSee .env.example for every variable.\n`);
    process.exit(78);
  }
  return core;
}
