import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BadRequestError, DomainErrorFilter } from '@roundtable/core';

/**
 * A sign-in that cannot finish (a used or expired link, a LinkedIn round trip that did not start
 * here) is a 400 like any other, but its page offers the way back in: the sign-in page. JSON clients,
 * and every other error, get the global filter's answer.
 */
@Catch(BadRequestError)
export class SignInProblemFilter implements ExceptionFilter {
  private readonly fallback = new DomainErrorFilter();

  catch(exception: BadRequestError, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent || request.accepts(['json', 'html']) !== 'html') {
      this.fallback.catch(exception, host);
      return;
    }
    response.status(400).render('auth/problem', { title: 'Sign-in did not finish', message: exception.message });
  }
}
