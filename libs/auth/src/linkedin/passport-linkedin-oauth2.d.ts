// passport-linkedin-oauth2 ships no types; this is the part of its Strategy (a passport-oauth2
// Strategy) that we use.
declare module 'passport-linkedin-oauth2' {
  export interface OAuth2Client {
    useAuthorizationHeaderforGET(use: boolean): void;
    get(
      url: string,
      accessToken: string,
      callback: (error: { statusCode?: number; data?: unknown } | null, body?: string | Buffer) => void,
    ): void;
  }
  export class Strategy {
    constructor(options: Record<string, unknown>, verify: (...args: never[]) => void);
    name: string;
    protected _oauth2: OAuth2Client;
    authenticate(req: unknown, options?: unknown): void;
    userProfile(accessToken: string, done: (error: unknown, profile?: unknown) => void): void;
  }
}
