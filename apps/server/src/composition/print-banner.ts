import type { Config } from '../config/load-config.js';

type PersonaInfo = { waId: string; name: string; script: string };

/** What a newcomer needs after `npm start`: where things are and, once, the admin key. */
export function printBanner(opts: {
  config: Config;
  publicBaseUrl: string;
  initialApiKey: string | undefined;
  sandbox: { channelId: string; graphBaseUrl: string } | undefined;
  personas: readonly PersonaInfo[];
}): void {
  const { config, publicBaseUrl, initialApiKey, sandbox, personas } = opts;
  const lines = [
    '',
    '  VALEO WhatsApp Hub is running',
    `  role ${config.process.role} · database ${config.db.type} · queue ${config.queue.driver}`,
    '',
    `  Inbox       ${publicBaseUrl}/   (sign in as AUTH_BOOTSTRAP_ADMIN_EMAIL)`,
    `  API         ${publicBaseUrl}/api/v1`,
    `  API docs    ${publicBaseUrl}/docs`,
    `  Webhooks    ${publicBaseUrl}/webhooks/whatsapp`,
    `  Health      ${publicBaseUrl}/healthz  ${publicBaseUrl}/readyz`,
  ];
  if (sandbox) {
    lines.push(
      '',
      `  Sandbox     Graph API emulator at ${sandbox.graphBaseUrl} (control: ${sandbox.graphBaseUrl}/_emulator/…)`,
      `              sandbox channel id: ${sandbox.channelId}`,
      `              simulated customers: ${personas.map((p) => `+${p.waId} ${p.name} (${p.script})`).join(', ')}`,
    );
  }
  if (!initialApiKey && !config.auth.bootstrapApiKey) {
    lines.push('', '  Admin API key: printed at first start (only its hash is kept). Create more with POST /api/v1/api-keys.');
  }
  if (initialApiKey) {
    lines.push(
      '',
      '  Admin API key (shown once; store it now, it is kept only as a hash):',
      `    ${initialApiKey}`,
      '',
      '  Try it:',
      `    curl -H "Authorization: Bearer ${initialApiKey}" ${publicBaseUrl}/api/v1/conversations`,
    );
  }
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}
