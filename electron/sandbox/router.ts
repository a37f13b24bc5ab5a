import type { SandboxReply, SandboxRequest } from './http-types';

export type RouteHandler = (req: SandboxRequest, params: Record<string, string>) => SandboxReply;

interface Route {
  method: string;
  parts: string[];
  handler: RouteHandler;
}

/** A minimal path router: `/api/rest/sms/:ids` matches one segment per `:name`. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, parts: split(pattern), handler });
    return this;
  }

  /** `null` when no route matches the path; `'method'` when the path matches another method. */
  match(req: SandboxRequest): SandboxReply | null | 'method' {
    const parts = split(req.path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchParts(route.parts, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === req.method) return route.handler(req, params);
    }
    return pathMatched ? 'method' : null;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

function matchParts(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string;
    const got = parts[i] as string;
    if (want.startsWith(':')) {
      const value = safeDecode(got);
      if (value === null) return null;
      params[want.slice(1)] = value;
    } else if (want !== got) return null;
  }
  return params;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
