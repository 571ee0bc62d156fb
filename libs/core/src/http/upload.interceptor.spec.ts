import { Controller, type INestApplication, Post, Req, UseInterceptors } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Request } from 'express';
import request from 'supertest';
import { ConfiguredUploadInterceptor, UploadInterceptor, type UploadRules } from './upload.interceptor';

const CSV: UploadRules = {
  maxBytes: 1024,
  fieldLabel: 'File',
  fileKind: 'CSV file',
  extensions: ['.csv'],
  tooLargeHint: 'Split it into smaller files.',
  maxFields: 5,
};
const CONFIG = Symbol('upload config');

@Controller()
class EchoController {
  @Post('csv')
  @UseInterceptors(UploadInterceptor(CSV))
  csv(@Req() req: Request) {
    return this.echo(req);
  }

  @Post('document')
  @UseInterceptors(
    ConfiguredUploadInterceptor(CONFIG, (config: { maxBytes: number }) => ({
      ...config,
      fieldLabel: 'Document',
      maxFields: 5,
    })),
  )
  document(@Req() req: Request) {
    return this.echo(req);
  }

  private echo(req: Request) {
    const upload = req.upload!;
    return {
      name: upload.file?.originalName ?? null,
      text: upload.file?.bytes.toString('utf8') ?? null,
      problem: upload.problem,
      body: req.body as unknown,
    };
  }
}

describe('UploadInterceptor', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [EchoController],
      providers: [{ provide: CONFIG, useValue: { maxBytes: 10 } }],
    }).compile();
    app = module.createNestApplication();
    await app.init();
  });

  afterAll(() => app.close());

  const post = (path: string) => request(app.getHttpServer()).post(path);

  it('hands the file, its UTF-8 name and the form fields to the handler', async () => {
    const { body } = await post('/csv')
      .field('name', 'Fortune 500')
      .attach('file', Buffer.from('name\nAcme\n'), 'société.csv')
      .expect(201);
    expect(body).toEqual({ name: 'société.csv', text: 'name\nAcme\n', problem: null, body: { name: 'Fortune 500' } });
  });

  it('says what is wrong instead of failing the request: too large, wrong kind, several files', async () => {
    const big = await post('/csv').attach('file', Buffer.alloc(2048, 'a'), 'big.csv').expect(201);
    expect(big.body).toMatchObject({
      name: null,
      problem: 'The file is larger than the limit of 1 KB. Split it into smaller files.',
    });
    const pdf = await post('/csv').attach('file', Buffer.from('%PDF-'), 'list.PDF').expect(201);
    expect(pdf.body).toMatchObject({ name: null, problem: 'Please upload a CSV file whose name ends in .csv.' });
    const upper = await post('/csv').attach('file', Buffer.from('a'), 'LIST.CSV').expect(201);
    expect(upper.body).toMatchObject({ name: 'LIST.CSV', problem: null });
    const two = await post('/csv')
      .attach('file', Buffer.from('a'), 'a.csv')
      .attach('file', Buffer.from('b'), 'b.csv')
      .expect(201);
    expect(two.body).toMatchObject({ problem: 'Please upload one CSV file at a time, in the “File” field.' });
    const elsewhere = await post('/csv').attach('other', Buffer.from('a'), 'a.csv').expect(201);
    expect(elsewhere.body).toMatchObject({ problem: 'Please upload one CSV file at a time, in the “File” field.' });
  });

  it('lets a form send no file, for the service to ask for one', async () => {
    const { body } = await post('/csv').field('name', 'x').expect(201);
    expect(body).toEqual({ name: null, text: null, problem: null, body: { name: 'x' } });
  });

  it('reads its rules from injected configuration when configured', async () => {
    const small = await post('/document').attach('file', Buffer.from('0123456789'), 'a.pdf').expect(201);
    expect(small.body).toMatchObject({ name: 'a.pdf', problem: null });
    const big = await post('/document').attach('file', Buffer.from('0123456789A'), 'a.pdf').expect(201);
    expect(big.body).toMatchObject({ problem: 'The file is larger than the limit of 10 bytes.' });
    const two = await post('/document')
      .attach('file', Buffer.from('a'), 'a.pdf')
      .attach('file', Buffer.from('b'), 'b.pdf')
      .expect(201);
    expect(two.body).toMatchObject({ problem: 'Please upload one file at a time, in the “Document” field.' });
  });
});
