import { parseTemplateListResponse, type TemplateInfo } from '@valeo/cloud-api';
import type { ChannelContext, ProviderTemplate, ProviderTemplateComponent } from '../messaging-provider.js';
import { ProviderError, ProviderErrorCode } from '../provider-error.js';
import { graphPath, type CloudApiClient } from './cloud-api.client.js';

const FIELDS = 'id,name,language,status,category,parameter_format,components';
const PAGE_SIZE = '100';
/** 20 × 100 templates: far beyond Meta's per-WABA limit (250 without a verified business). */
const MAX_PAGES = 20;
/**
 * A page of 100 templates with components (bodies up to 1,024 characters, carousels of 10 cards;
 * Graph escapes non-ASCII as `\uXXXX`, 6 bytes a character) can pass the client's 1 MiB default
 * cap. 8 MiB leaves room for ≈80 KiB a template and still bounds what a bad peer makes us buffer.
 */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/**
 * `GET /{waba-id}/message_templates` (Business Management API, REFERENCE.md §3), following the
 * `paging.cursors.after` cursor while `paging.next` says there is more.
 */
export async function listCloudApiTemplates(client: CloudApiClient, ctx: ChannelContext): Promise<ProviderTemplate[]> {
  const templates: ProviderTemplate[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await client.request<unknown>({
      method: 'GET',
      path: `${graphPath(ctx.wabaId)}/message_templates`,
      query: { fields: FIELDS, limit: PAGE_SIZE, ...(after === undefined ? {} : { after }) },
      maxAnswerBytes: MAX_PAGE_BYTES,
    });
    const parsed = parseTemplateListResponse(answer);
    if (!parsed.ok) {
      throw new ProviderError({
        code: ProviderErrorCode.UNKNOWN,
        message: 'Unexpected Cloud API answer to the template list',
        vendorDetails: JSON.stringify(parsed.errors[0] ?? {}).slice(0, 200),
      });
    }
    templates.push(...parsed.value.data.flatMap(toProviderTemplate));
    after = parsed.value.paging?.cursors?.after;
    if (parsed.value.paging?.next === undefined || after === undefined) break;
  }
  return templates;
}

/** Items without a name or language (a `fields=` projection gone wrong) are of no use to a sender. */
function toProviderTemplate(info: TemplateInfo): ProviderTemplate[] {
  if (info.name === undefined || info.language === undefined) return [];
  return [{
    id: info.id,
    name: info.name,
    language: info.language,
    status: (info.status ?? 'UNKNOWN').toUpperCase(),
    category: (info.category ?? '').toUpperCase(),
    parameterFormat: info.parameter_format?.toLowerCase() === 'named' ? 'named' : 'positional',
    components: (info.components ?? []).map(toComponent),
  }];
}

function toComponent(component: NonNullable<TemplateInfo['components']>[number]): ProviderTemplateComponent {
  return {
    type: component.type.toUpperCase(),
    ...(component.format === undefined ? {} : { format: component.format.toUpperCase() }),
    ...(component.text === undefined ? {} : { text: component.text }),
    ...(component.buttons === undefined ? {} : {
      buttons: component.buttons.map((b) => ({
        type: b.type.toUpperCase(),
        ...(b.text === undefined ? {} : { text: b.text }),
        ...(b.url === undefined ? {} : { url: b.url }),
        ...(b.phone_number === undefined ? {} : { phone_number: b.phone_number }),
      })),
    }),
  };
}
