import { describe, expect, it } from 'vitest';
import { toMediaInput } from '../process-inbound-event.job.js';

const scope = { tenantId: 't', channelId: 'c', messageId: 'm', messageType: 'document' };

describe('toMediaInput', () => {
  it('takes id, MIME type, hash, file name and the sticker flag from an inbound media object', () => {
    expect(toMediaInput({ id: '123', mime_type: 'application/pdf', sha256: 'abc', filename: 'a.pdf', caption: 'x' }, scope))
      .toEqual({ ...scope, providerMediaId: '123', mimeType: 'application/pdf', sha256: 'abc', filename: 'a.pdf' });
    expect(toMediaInput({ id: '9', mime_type: 'image/webp', animated: false }, { ...scope, messageType: 'sticker' }))
      .toEqual({ ...scope, messageType: 'sticker', providerMediaId: '9', mimeType: 'image/webp', animated: false });
  });

  it('ignores fields of the wrong type and needs an id', () => {
    expect(toMediaInput({ id: '1', mime_type: 42, filename: null }, scope)).toEqual({ ...scope, providerMediaId: '1' });
    expect(toMediaInput({ mime_type: 'image/png' }, scope)).toBeUndefined();
    expect(toMediaInput({ id: '' }, scope)).toBeUndefined();
  });
});
