import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Request, Response } from 'express';
import multer from 'multer';
import { from, Observable, switchMap } from 'rxjs';
import { resourcesConfig } from '../resources.config';
import { formatBytes } from './document-type';

/** What the upload form brought: the file in memory (at most the configured size), or why not. */
export interface ReceivedUpload {
  file: { originalName: string; bytes: Buffer } | null;
  problem: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    upload?: ReceivedUpload;
  }
}

/**
 * Reads a `multipart/form-data` upload (field `file`) into memory, stopping at the size limit, and
 * never fails the request: a problem (too large, several files) is handed to the service, which
 * answers with the form, the values typed and a message. Nothing is stored here.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly parse: ReturnType<ReturnType<typeof multer>['single']>;
  private readonly maxBytes: number;

  constructor(@Inject(resourcesConfig.KEY) config: ConfigType<typeof resourcesConfig>) {
    this.maxBytes = config.maxUploadBytes;
    this.parse = multer({
      storage: multer.memoryStorage(),
      // Keep the name as sent (folders included), so a path-like name is refused rather than trimmed.
      preservePath: true,
      // Browsers send a file's name as UTF-8 bytes without saying so; busboy would read them as Latin-1
      // ("résumé" became "rÃ©sumÃ©").
      defParamCharset: 'utf8',
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: 40, fieldSize: 10_000, parts: 50 },
    }).single('file');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const received = new Promise<void>((resolve) => {
      this.parse(request, response, (error: unknown) => {
        request.body ??= {};
        const file = request.file;
        request.upload = {
          file: file ? { originalName: file.originalname, bytes: file.buffer } : null,
          problem: error ? this.describe(error) : null,
        };
        resolve();
      });
    });
    return from(received).pipe(switchMap(() => next.handle()));
  }

  private describe(error: unknown): string {
    const code = (error as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') {
      return `The file is larger than the limit of ${formatBytes(this.maxBytes)}.`;
    }
    if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') {
      return 'Please upload one file at a time, in the “Document” field.';
    }
    return 'The upload could not be read. Please try again.';
  }
}
