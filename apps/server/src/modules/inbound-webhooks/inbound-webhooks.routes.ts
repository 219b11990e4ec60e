import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { useRawBody } from '../../http/plugins/raw-body.plugin.js';
import { webhookChannelNotFound } from './inbound-webhooks.errors.js';
import type { WebhookIntakeService } from './webhook-intake.service.js';

export type InboundWebhooksRoutesOptions = {
  intake: WebhookIntakeService;
  /** WEBHOOK_MAX_BODY_BYTES: larger bodies get 413 before they are buffered. */
  maxBodyBytes: number;
};

type ChannelParams = { channelId?: string };
type HandshakeQuery = Record<string, string | undefined>;

const CHANNEL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Meta's callback URL: `GET` answers the subscription handshake, `POST` takes event notifications.
 * `/webhooks/whatsapp` is the one app-level URL (events routed by phone number id / WABA id);
 * `/webhooks/whatsapp/:channelId` is the optional per-channel override. Register this plugin
 * without fastify-plugin: its raw-body parser must stay inside it.
 */
export function inboundWebhooksRoutes(opts: InboundWebhooksRoutesOptions) {
  return async function inboundWebhooksPlugin(app: FastifyInstance): Promise<void> {
    useRawBody(app, { bodyLimit: opts.maxBodyBytes });

    const handshake = async (request: FastifyRequest<{ Params: ChannelParams; Querystring: HandshakeQuery }>, reply: FastifyReply) => {
      const channelId = checkedChannelId(request.params.channelId);
      const query = request.query;
      const challenge = await opts.intake.verifySubscription({
        mode: query['hub.mode'], token: query['hub.verify_token'], challenge: query['hub.challenge'], channelId,
      });
      return reply.code(200).type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(challenge);
    };

    // Meta treats anything but exactly 200 as a failure and re-delivers (RELIABILITY.md §1.1).
    const notify = async (request: FastifyRequest<{ Params: ChannelParams }>, reply: FastifyReply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const channelId = checkedChannelId(request.params.channelId);
      await opts.intake.receive({ rawBody, headers: request.headers, channelId });
      return reply.code(200).send();
    };

    const routeOptions = { bodyLimit: opts.maxBodyBytes };
    app.get('/webhooks/whatsapp', handshake);
    app.get('/webhooks/whatsapp/:channelId', handshake);
    app.post('/webhooks/whatsapp', routeOptions, notify);
    app.post('/webhooks/whatsapp/:channelId', routeOptions, notify);
  };
}

function checkedChannelId(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!CHANNEL_ID.test(raw)) throw webhookChannelNotFound();
  return raw;
}
