import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Container } from './create-container.js';

/** Identity of the sandbox number inside the embedded emulator (numeric like Meta's ids). */
export const SANDBOX_NUMBER = {
  phoneNumberId: '109000000000001',
  wabaId: '209000000000001',
  displayPhoneNumber: '+49 30 5550100',
} as const;

export type BootstrapResult = {
  tenantId: string;
  /** Set only when this start created the tenant's first admin key: print it once. */
  initialApiKey?: string;
};

/**
 * First-start setup, idempotent on every start: the default tenant, the admin user from
 * AUTH_BOOTSTRAP_ADMIN_EMAIL/PASSWORD, the key from AUTH_BOOTSTRAP_API_KEY, and — when the tenant
 * has no key at all and none is configured — one admin key that is returned (and printed by main)
 * exactly once.
 */
export async function bootstrapTenant(container: Container): Promise<BootstrapResult> {
  const { tenants, apiKeys } = container.tenants;
  const tenant = await tenants.ensureDefaultTenant();
  await ensureBootstrapAdmin(container, tenant.id);
  const configured = container.config.auth.bootstrapApiKey;
  if (configured) {
    await apiKeys.ensureBootstrapApiKey(configured);
    return { tenantId: tenant.id };
  }
  const existing = await apiKeys.listApiKeys(tenant.id, { limit: 1 });
  if (existing.items.length > 0) return { tenantId: tenant.id };
  const { key } = await apiKeys.createApiKey({ tenantId: tenant.id, name: 'Initial admin key', scopes: ['admin'] });
  return { tenantId: tenant.id, initialApiKey: key };
}

/** AUTH_BOOTSTRAP_ADMIN_EMAIL + _PASSWORD: that admin exists in the default tenant (created once). */
async function ensureBootstrapAdmin(container: Container, tenantId: string): Promise<void> {
  const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = container.config.auth;
  if (email && password) await container.users.users.ensureBootstrapAdmin({ tenantId, email, password });
}

export type SandboxResult = { channelId: string; created: boolean; graphBaseUrl: string };

/**
 * Points a sandbox channel at the embedded emulator and registers the number there with a webhook
 * URL back to this Hub. The emulator keeps its state in memory, so this runs on every start with
 * fresh credentials; the channel row is created once.
 */
export async function bootstrapSandbox(
  container: Container,
  opts: { app: FastifyInstance; tenantId: string; publicBaseUrl: string },
): Promise<SandboxResult> {
  const graphBaseUrl = `${opts.publicBaseUrl}/sandbox`;
  const credentials = {
    accessToken: `sandbox-${randomBytes(16).toString('hex')}`,
    appSecret: randomBytes(24).toString('hex'),
    webhookVerifyToken: randomBytes(16).toString('hex'),
  };
  const before = await container.channels.service.findByPhoneNumberId(SANDBOX_NUMBER.phoneNumberId);
  const channel = await container.channels.service.ensureSandboxChannel({
    tenantId: opts.tenantId,
    name: 'Sandbox (emulator)',
    ...SANDBOX_NUMBER,
    graphBaseUrl,
    ...credentials,
  });
  const registered = await opts.app.inject({
    method: 'POST',
    url: '/sandbox/_emulator/phone-numbers',
    payload: { ...SANDBOX_NUMBER, accessToken: credentials.accessToken, appSecret: credentials.appSecret, webhookUrl: `${opts.publicBaseUrl}/webhooks/whatsapp` },
  });
  if (registered.statusCode >= 300) throw new Error(`sandbox registration failed: ${registered.statusCode} ${registered.body}`);
  await addSandboxTemplates(opts.app);
  if (before === null) await addSandboxQuickReplies(container, opts.tenantId);
  return { channelId: channel.id, created: before === null, graphBaseUrl };
}

/** A first sandbox start also gets two quick replies, so `/` in the composer shows something. */
export const SANDBOX_QUICK_REPLIES = [
  { shortcut: 'danke', text: 'Vielen Dank für Ihre Nachricht! Wir melden uns in Kürze bei Ihnen.' },
  { shortcut: 'versand', text: 'Ihre Bestellung ist unterwegs. Die Sendungsnummer schicken wir Ihnen gleich.' },
] as const;

async function addSandboxQuickReplies(container: Container, tenantId: string): Promise<void> {
  const existing = await container.quickReplies.service.list(tenantId);
  for (const reply of SANDBOX_QUICK_REPLIES) {
    if (!existing.some((q) => q.shortcut === reply.shortcut)) await container.quickReplies.service.create(tenantId, reply);
  }
}

/**
 * Approved templates with parameters beside the emulator's own `hello_world`, so the closed-window
 * path (pick a template, fill in {{1}}, {{2}}) works on a fresh sandbox. The emulator keeps its state
 * in memory, so they are added on every start.
 */
export const SANDBOX_TEMPLATES = [
  {
    name: 'bestellung_unterwegs',
    language: 'de',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Ihre Bestellung' },
      { type: 'BODY', text: 'Hallo {{1}}, Ihre Bestellung {{2}} ist unterwegs. Antworten Sie einfach auf diese Nachricht, wenn Sie Fragen haben.', example: { body_text: [['Erika', '4711']] } },
      { type: 'FOOTER', text: 'VALEO Kundenservice' },
    ],
  },
  {
    name: 'order_on_its_way',
    language: 'en',
    category: 'UTILITY',
    components: [
      { type: 'BODY', text: 'Hello {{1}}, your order {{2}} is on its way. Just reply to this message if you have questions.', example: { body_text: [['Erika', '4711']] } },
    ],
  },
] as const;

async function addSandboxTemplates(app: FastifyInstance): Promise<void> {
  for (const template of SANDBOX_TEMPLATES) {
    const added = await app.inject({
      method: 'POST', url: '/sandbox/_emulator/templates', payload: { wabaId: SANDBOX_NUMBER.wabaId, template, status: 'APPROVED' },
    });
    // 400 + "already exists" when the emulator outlived a restart of the Hub's bootstrap: fine.
    if (added.statusCode >= 300 && !added.body.includes('already exists')) {
      throw new Error(`sandbox template ${template.name} failed: ${added.statusCode} ${added.body}`);
    }
  }
}

/** A simulated customer writes first, so a newcomer sees traffic right away (first start only). */
export async function greetFromSimulatedCustomer(app: FastifyInstance): Promise<void> {
  await app.inject({
    method: 'POST',
    url: '/sandbox/_emulator/inbound',
    payload: {
      phoneNumberId: SANDBOX_NUMBER.phoneNumberId,
      from: '4915100000002',
      name: 'Jörg Grüßer',
      message: { type: 'text', text: { body: 'Guten Tag! Ist meine Bestellung 4711 schon unterwegs?' } },
    },
  });
}
