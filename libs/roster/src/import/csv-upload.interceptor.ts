import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { from, Observable, switchMap } from 'rxjs';
import { MAX_IMPORT_BYTES } from './roster-import.service';

/** What a CSV upload brought: the file in memory (at most the limit), or why not. */
export interface CsvUpload {
  file: { originalname: string; buffer: Buffer; size: number } | undefined;
  problem: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    csvUpload?: CsvUpload;
  }
}

/**
 * Reads a `multipart/form-data` upload (field `file`) into memory, stopping at the import limit, and
 * never fails the request: a file too large comes to the service as a problem, which answers with
 * the form and a message (not an error page). Used through @UploadForm, which checks the CSRF token next.
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 20, fieldSize: 10_000, parts: 30 },
  }).single('file');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const received = new Promise<void>((resolve) => {
      this.parse(request, response, (error: unknown) => {
        request.body ??= {};
        const code = (error as { code?: string } | undefined)?.code;
        request.csvUpload = {
          file: request.file
            ? { originalname: request.file.originalname, buffer: request.file.buffer, size: request.file.size }
            : undefined,
          problem: !error
            ? null
            : code === 'LIMIT_FILE_SIZE'
              ? `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`
              : 'Please upload one CSV file, in the “File” field.',
        };
        resolve();
      });
    });
    return from(received).pipe(switchMap(() => next.handle()));
  }
}
