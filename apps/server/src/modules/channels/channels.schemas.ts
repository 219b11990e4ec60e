/** Request/response shapes of the channels routes: the public contract, plus DTO mapping. */
import type { Channel as ChannelDto } from '@valeo/contracts';
import type { Channel } from './channels.types.js';

export { Channel, ChannelIdParams, CreateChannelRequest, Page, PageQuery, UpdateChannelRequest } from '@valeo/contracts';

/** An explicit output DTO: only these fields ever leave the server (OWASP API3, excessive exposure). */
export function toChannelDto(channel: Channel): ChannelDto {
  return {
    id: channel.id,
    name: channel.name,
    provider: channel.provider,
    phoneNumberId: channel.phoneNumberId,
    wabaId: channel.wabaId,
    displayPhoneNumber: channel.displayPhoneNumber,
    graphBaseUrl: channel.graphBaseUrl,
    graphApiVersion: channel.graphApiVersion,
    sandbox: channel.sandbox,
    accessTokenHint: channel.accessTokenHint,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}
