import { MongoNetworkError, MongoServerError, MongoUnexpectedServerResponseError } from 'mongodb';
import { isDatabaseFailure, isDuplicateKeyError, NotFoundError } from './domain-errors';

describe('isDatabaseFailure', () => {
  it('recognises the driver failing to reach or read the database', () => {
    expect(isDatabaseFailure(new MongoNetworkError('connection reset'))).toBe(true);
    const selection = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    expect(isDatabaseFailure(selection)).toBe(true);
    expect(isDatabaseFailure(new MongoUnexpectedServerResponseError('BSON element "cursor" is missing'))).toBe(true);
    expect(isDatabaseFailure(new MongoServerError({ message: 'database is locked', code: 1 }))).toBe(true);
    const buffering = Object.assign(new Error('Operation `members.findOne()` buffering timed out after 10000ms'), {
      name: 'MongooseError',
    });
    expect(isDatabaseFailure(buffering)).toBe(true);
  });

  it('leaves duplicates, domain answers and programming errors alone', () => {
    const duplicate = new MongoServerError({ message: 'E11000 duplicate key', code: 11000 });
    expect(isDuplicateKeyError(duplicate)).toBe(true);
    expect(isDatabaseFailure(duplicate)).toBe(false);
    expect(isDatabaseFailure(new MongoServerError({ message: 'UNIQUE constraint failed: x', code: 1 }))).toBe(false);
    expect(isDatabaseFailure(new NotFoundError('No such post.'))).toBe(false);
    expect(isDatabaseFailure(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseFailure(Object.assign(new Error('Cast to ObjectId failed'), { name: 'CastError' }))).toBe(false);
    expect(isDatabaseFailure('MongoNetworkError')).toBe(false);
  });
});

describe('isDuplicateKeyError', () => {
  it('recognises MongoDB’s code 11000 and FerretDB’s update errors on SQLite and on PostgreSQL', () => {
    expect(isDuplicateKeyError({ code: 11000, message: 'E11000 duplicate key error collection: x.a' })).toBe(true);
    expect(isDuplicateKeyError({ code: 1, message: 'sqlite: step: UNIQUE constraint failed: a.k' })).toBe(true);
    const postgres = new MongoServerError({
      message:
        '[msg_update.go:133 handler.(*Handler).updateDocument] ERROR: duplicate key value violates unique constraint "a_k_idx" (SQLSTATE 23505)',
      code: 1,
    });
    expect(isDuplicateKeyError(postgres)).toBe(true);
    expect(isDatabaseFailure(postgres)).toBe(false);
  });

  it('leaves every other error alone', () => {
    expect(isDuplicateKeyError({ code: 1, message: 'ERROR: deadlock detected (SQLSTATE 40P01)' })).toBe(false);
    expect(isDuplicateKeyError(new Error('connect ECONNREFUSED'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
    expect(isDuplicateKeyError('E11000')).toBe(false);
  });
});
