import { buildGraphError, type BuildGraphErrorInput } from '@valeo/cloud-api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';
import type { PhoneNumber } from '../state/types.js';

/** A Graph error to answer with; thrown by the graph services and turned into Meta's envelope. */
export class GraphError extends Error {
  constructor(readonly input: BuildGraphErrorInput) {
    super(input.message ?? `(#${input.code})`);
    this.name = 'GraphError';
  }
}

export function sendGraphError(reply: FastifyReply, input: BuildGraphErrorInput): FastifyReply {
  const { status, body } = buildGraphError(input);
  return reply.code(status).send(body);
}

/** Graph accepts `Authorization: Bearer <token>` and, like every Graph endpoint, `?access_token=`. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match?.[1]) return match[1];
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.['access_token'] === 'string' ? query['access_token'] : null;
}

export const invalidToken = (): GraphError =>
  new GraphError({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });

/** Meta's answer for an id that does not exist *or* that this token may not see (code 100, subcode 33). */
export const unknownObject = (id: string, method: string): GraphError =>
  new GraphError({
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });

/** A token nobody registered is invalid (190); a valid token that does not own the object gets 100/33. */
export function requireToken(ctx: EmulatorContext, request: FastifyRequest): string {
  const token = bearerToken(request);
  if (!token || !ctx.store.isKnownToken(token)) throw invalidToken();
  return token;
}

export function requireNumber(ctx: EmulatorContext, request: FastifyRequest, phoneNumberId: string): PhoneNumber {
  const token = requireToken(ctx, request);
  const number = ctx.store.phoneNumbers.get(phoneNumberId);
  if (!number || number.accessToken !== token) throw unknownObject(phoneNumberId, request.method);
  return number;
}

/** Any token of a number in the WABA may manage the WABA's templates. */
export function requireWaba(ctx: EmulatorContext, request: FastifyRequest, wabaId: string): PhoneNumber {
  const token = requireToken(ctx, request);
  const number = ctx.store.numbersOfWaba(wabaId).find((n) => n.accessToken === token);
  if (!number) throw unknownObject(wabaId, request.method);
  return number;
}

export const GRAPH_VERSION = /^v\d+\.\d+$/;

export type VersionParams = { version: string };

/** Meta answers a malformed version segment like an unknown path component. */
export function requireVersion(request: FastifyRequest<{ Params: VersionParams }>): void {
  if (!GRAPH_VERSION.test(request.params.version)) {
    throw new GraphError({ code: 2500, type: 'OAuthException', message: `Unknown path components: /${request.params.version}` });
  }
}
