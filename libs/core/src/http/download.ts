import { Logger, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';

const logger = new Logger('Download');

/** What a download is, as its headers say. */
export interface DownloadFile {
  /** `Content-Type`. */
  type: string;
  /** The whole `Content-Disposition` value (`attachment; filename="…"`). */
  disposition: string;
  /** `Content-Length`, when known before the first byte. */
  length?: number;
  /** Names the download in the log when its stream fails (`responses of survey <id>`). */
  what: string;
}

/**
 * A streamed download, returned by its handler for Nest to send (no handler takes `@Res()`). When
 * the stream fails, the failure is logged with what was being sent, and the reader is never handed a
 * cut file as if it were whole: before the first byte, a 500 with a sentence (the error's own text
 * may name a path or a database, so it is not sent); after it, the connection is closed unfinished,
 * which the browser reports as a failed download.
 */
export function fileDownload(stream: Readable, file: DownloadFile): StreamableFile {
  return new StreamableFile(stream, { type: file.type, disposition: file.disposition, length: file.length })
    .setErrorLogger((error: Error) => logger.error(`Sending ${file.what} failed: ${error.message}`))
    .setErrorHandler((error: Error, handlerResponse) => {
      logger.error(`Streaming ${file.what} failed: ${error.message}`, error.stack);
      const response = handlerResponse as unknown as Response;
      if (response.destroyed) {
        return;
      }
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.removeHeader('Content-Disposition');
      response.removeHeader('Content-Length');
      response.status(500).type('text/plain').send('The download could not be sent. Please try again.');
    });
}
