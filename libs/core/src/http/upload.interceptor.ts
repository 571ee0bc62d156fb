import { CallHandler, ExecutionContext, Inject, Injectable, mixin, NestInterceptor, Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { extname } from 'node:path';
import { from, Observable, switchMap } from 'rxjs';
import { formatBytes } from '../format/bytes';

/** What an upload form brought: the file in memory (at most the limit), or why not, in words. */
export interface ReceivedUpload {
  file: { originalName: string; bytes: Buffer } | null;
  problem: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    upload?: ReceivedUpload;
  }
}

export interface UploadRules {
  /** The largest file accepted, in bytes; reading stops there. */
  maxBytes: number;
  /** The file field's label on the form, so a message can point at it (“Document”). */
  fieldLabel: string;
  /** What one file is called in a message: "CSV file"; "file" when left out. */
  fileKind?: string;
  /** Name endings accepted, lower case with the dot (".csv"); any when left out. */
  extensions?: readonly string[];
  /** Said after the size limit, such as "Split it into smaller files." */
  tooLargeHint?: string;
  /** How many text fields the form sends besides the file. */
  maxFields: number;
}

/** The message for a multer error, in the words of the form's rules. */
export function uploadProblem(rules: UploadRules, code: string | undefined): string {
  if (code === 'LIMIT_FILE_SIZE') {
    const hint = rules.tooLargeHint ? ` ${rules.tooLargeHint}` : '';
    return `The file is larger than the limit of ${formatBytes(rules.maxBytes)}.${hint}`;
  }
  if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') {
    return `Please upload one ${rules.fileKind ?? 'file'} at a time, in the “${rules.fieldLabel}” field.`;
  }
  return 'The upload could not be read. Please try again.';
}

/** Null when the name ends as the rules ask, else the message saying which endings are accepted. */
export function wrongExtension(rules: UploadRules, name: string): string | null {
  if (!rules.extensions || rules.extensions.includes(extname(name).toLowerCase())) {
    return null;
  }
  return `Please upload a ${rules.fileKind ?? 'file'} whose name ends in ${rules.extensions.join(' or ')}.`;
}

/**
 * Reads a `multipart/form-data` upload (field `file`) into memory, stopping at the size limit, and
 * never fails the request: a problem (too large, several files, a wrong name) reaches the service as
 * `req.upload.problem`, which answers with the form, the values typed and the message, not an error
 * page. A route uses it through @UploadForm (auth), which checks the form's CSRF token next.
 */
abstract class UploadReader implements NestInterceptor {
  private readonly parse: ReturnType<ReturnType<typeof multer>['single']>;

  protected constructor(private readonly rules: UploadRules) {
    this.parse = multer({
      storage: multer.memoryStorage(),
      // Keep the name as sent (folders included), so a path-like name can be refused rather than trimmed.
      preservePath: true,
      // Browsers send a file's name as UTF-8 bytes without saying so; busboy would read them as Latin-1
      // ("résumé" became "rÃ©sumÃ©").
      defParamCharset: 'utf8',
      limits: {
        fileSize: rules.maxBytes,
        files: 1,
        fields: rules.maxFields,
        fieldSize: 10_000,
        parts: rules.maxFields + 10,
      },
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
        const problem = error
          ? uploadProblem(this.rules, (error as { code?: string }).code)
          : file
            ? wrongExtension(this.rules, file.originalname)
            : null;
        request.upload = {
          file: file && !problem ? { originalName: file.originalname, bytes: file.buffer } : null,
          problem,
        };
        resolve();
      });
    });
    return from(received).pipe(switchMap(() => next.handle()));
  }
}

/** An upload interceptor for fixed rules: `@UseInterceptors(UploadInterceptor({ maxBytes: … }))`. */
export function UploadInterceptor(rules: UploadRules): Type<NestInterceptor> {
  @Injectable()
  class FixedUpload extends UploadReader {
    constructor() {
      super(rules);
    }
  }
  return mixin(FixedUpload);
}

/** An upload interceptor whose rules come from an injected configuration (`registerAs(...).KEY`). */
export function ConfiguredUploadInterceptor<C>(
  configKey: string | symbol,
  rulesFrom: (config: C) => UploadRules,
): Type<NestInterceptor> {
  @Injectable()
  class ConfiguredUpload extends UploadReader {
    constructor(@Inject(configKey) config: C) {
      super(rulesFrom(config));
    }
  }
  return mixin(ConfiguredUpload);
}
