import { EnvironmentError, EnvironmentVariables, validateEnvironment } from './env.validation';

describe(validateEnvironment.name, () => {
  it('applies defaults and converts numbers', () => {
    const settings = validateEnvironment(
      { MONGODB_URI: 'mongodb://127.0.0.1:27017/rt', PORT: '8080' },
      EnvironmentVariables,
    );
    expect(settings).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', LOG_FORMAT: 'json', NODE_ENV: 'development' });
  });

  it('treats an empty variable as not set', () => {
    expect(() => validateEnvironment({ MONGODB_URI: '' }, EnvironmentVariables)).toThrow(
      'MONGODB_URI is required but not set',
    );
  });

  it('names each bad variable in one error, without its value', () => {
    let caught: EnvironmentError | undefined;
    try {
      validateEnvironment({ MONGODB_URI: 'mysql://hunter2@db', PORT: '70000' }, EnvironmentVariables);
    } catch (error) {
      caught = error as EnvironmentError;
    }
    expect(caught).toBeInstanceOf(EnvironmentError);
    expect(caught!.problems).toHaveLength(2);
    expect(caught!.message).toContain('MONGODB_URI must be a mongodb://');
    expect(caught!.message).toContain('PORT: PORT must not be greater than 65535');
    expect(caught!.message).not.toContain('hunter2');
  });
});
