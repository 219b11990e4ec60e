import { describe, expect, it } from 'vitest';
import type { ChannelContext } from '../../messaging-provider.js';
import { createCloudApiClient } from '../cloud-api.client.js';
import { listCloudApiTemplates } from '../cloud-api-templates.js';
import { MAX_GRAPH_ANSWER_BYTES } from '../graph-json-call.js';
import { mockGraph } from './mock-graph.js';

const ctx: ChannelContext = {
  channelId: 'c', phoneNumberId: '1', wabaId: '2000001', accessToken: 'tok', appSecret: 's',
  graphBaseUrl: 'https://graph.facebook.com', graphApiVersion: 'v24.0',
};

describe('listCloudApiTemplates', () => {
  it('reads a template page larger than the default 1 MiB answer cap', async () => {
    // Graph escapes non-ASCII as \uXXXX (6 bytes a character); with more text than a real template
    // carries, one page of 100 crosses the default cap, which the template list raises.
    const body = 'Ж'.repeat(1_024);
    const data = Array.from({ length: 100 }, (_, i) => ({
      id: String(i), name: `vorlage_${i}`, language: 'ru', status: 'APPROVED', category: 'UTILITY',
      components: [{ type: 'HEADER', format: 'TEXT', text: body.slice(0, 60) }, { type: 'BODY', text: body }, { type: 'BODY', text: body }],
    }));
    const json = JSON.stringify({ data }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(json.length).toBeGreaterThan(MAX_GRAPH_ANSWER_BYTES);
    const dispatcher = mockGraph(ctx.graphBaseUrl, () => ({ body: json, headers: { 'content-type': 'application/json' } }));
    const templates = await listCloudApiTemplates(createCloudApiClient(ctx, { dispatcher }), ctx);
    expect(templates).toHaveLength(100);
    expect(templates[99]).toMatchObject({ name: 'vorlage_99', components: [{ type: 'HEADER' }, { type: 'BODY', text: body }, { type: 'BODY' }] });
  });
});
