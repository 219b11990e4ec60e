import type { FastifyInstance } from 'fastify';

/**
 * Until the agents' inbox (issue #3) lands, `/` explains where things are. Static text only:
 * nothing from the request is echoed.
 */
export function registerWebPlaceholder(app: FastifyInstance): void {
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>VALEO WhatsApp Hub</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>VALEO WhatsApp Hub</h1>
<p>The Hub is running. The agents' inbox is not built yet; use the API:</p>
<ul>
<li><a href="/docs">API documentation</a> (OpenAPI at <a href="/openapi.json">/openapi.json</a>)</li>
<li><a href="/healthz">/healthz</a> and <a href="/readyz">/readyz</a></li>
<li>Sandbox (Cloud API emulator): <code>/sandbox/_emulator/messages</code></li>
</ul></body></html>`),
  );
}
