import { Controller, Get, INestApplication, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Readable } from 'node:stream';
import request from 'supertest';
import { fileDownload } from './download';

const csv = { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="x.csv"', what: 'the test CSV' };

/** A stream that gives `lines` and then fails with a message naming a path no reader should see. */
function failingAfter(lines: string[]): Readable {
  let next = 0;
  return new Readable({
    read() {
      if (next < lines.length) {
        this.push(lines[next++]);
      } else {
        this.destroy(new Error('cursor lost reading /srv/secret/collection'));
      }
    },
  });
}

@Controller()
class DownloadsController {
  @Get('whole')
  whole() {
    return fileDownload(Readable.from(['a,b\n', '1,2\n']), csv);
  }

  @Get('cut')
  cut() {
    return fileDownload(failingAfter(['a,b\n'.repeat(20_000)]), csv);
  }

  @Get('broken')
  broken() {
    return fileDownload(failingAfter([]), csv);
  }
}

describe(fileDownload.name, () => {
  let app: INestApplication;
  let logged: jest.SpyInstance;

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [DownloadsController] }).compile();
    app = module.createNestApplication({ logger: false });
    await app.init();
  });

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => logged.mockRestore());

  afterAll(() => app.close());

  it('sends the whole stream with its headers', async () => {
    const response = await request(app.getHttpServer()).get('/whole').expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="x.csv"');
    expect(response.text).toBe('a,b\n1,2\n');
  });

  it('closes the connection unfinished when the stream fails mid-way, logs it, and serves the next request', async () => {
    const failure = await request(app.getHttpServer())
      .get('/cut')
      .then(
        () => null,
        (error: Error) => error,
      );
    expect(failure?.message).toMatch(/aborted|socket hang up|ECONNRESET/);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('Streaming the test CSV failed'), expect.anything());
    await request(app.getHttpServer()).get('/whole').expect(200);
  });

  it('answers 500 with a sentence, not the error, when the stream fails before its first byte', async () => {
    const response = await request(app.getHttpServer()).get('/broken').expect(500);
    expect(response.text).toBe('The download could not be sent. Please try again.');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('cursor lost'), expect.anything());
  });
});
