/** What the gateway tells browsers about cross-origin requests (the runtime's `cors` option). */
export type CorsSetting =
  | false
  | { origin: string[]; methods: string[]; allowedHeaders: string[]; credentials: false; maxAge: number };

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The CORS policy from NQ57_CORS_ORIGINS, a comma-separated allow-list of origins (`https://portal.example.vn`):
 * none by default, so a page of another origin cannot read the hub's answers (the hub's own pages are served
 * from its origin and need none). Tokens travel in the Authorization header, never in cookies: no credentials.
 */
export function corsFromEnvironment(env: NodeJS.ProcessEnv): CorsSetting {
  const text = env.NQ57_CORS_ORIGINS?.trim();
  if (!text) return false;
  const origins = text.split(',').map((origin) => origin.trim().replace(/\/$/, ''));
  const bad = origins.find((origin) => !ORIGIN.test(origin));
  if (bad !== undefined) {
    throw new Error(
      `NQ57_CORS_ORIGINS: ${JSON.stringify(bad)} is not an origin; list origins such as https://portal.example.vn, separated by commas`,
    );
  }
  return {
    origin: origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'accept'],
    credentials: false,
    maxAge: 600,
  };
}
