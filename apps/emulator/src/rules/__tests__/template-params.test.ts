import { describe, expect, it } from 'vitest';
import type { Template } from '../../state/types.js';
import { checkTemplateParameters, placeholdersOf } from '../template-params.js';

const template = (components: Template['components'], parameterFormat: Template['parameterFormat'] = 'positional'): Template => ({
  id: '1', wabaId: 'w', name: 't', language: 'en', category: 'UTILITY', status: 'APPROVED', parameterFormat, components, createdAt: '',
});
const text = (value: string) => ({ type: 'text', text: value });

describe('placeholdersOf', () => {
  it('lists distinct positional and named placeholders in order', () => {
    expect(placeholdersOf('Hi {{1}}, code {{2}} ({{1}})')).toEqual(['1', '2']);
    expect(placeholdersOf('Hi {{ first_name }}')).toEqual(['first_name']);
    expect(placeholdersOf(undefined)).toEqual([]);
  });
});

describe('checkTemplateParameters', () => {
  const positional = template([
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} ships.' },
  ]);

  it('accepts matching counts', () => {
    expect(checkTemplateParameters(positional, [
      { type: 'header', parameters: [text('1')] },
      { type: 'body', parameters: [text('a'), text('b')] },
    ])).toBeNull();
  });

  it('reports 132000 with Meta-like details for a body or header mismatch', () => {
    expect(checkTemplateParameters(positional, [{ type: 'header', parameters: [text('1')] }, { type: 'body', parameters: [text('a')] }]))
      .toEqual({ code: 132000, details: 'body: number of localizable_params (1) does not match the expected number of params (2)' });
    expect(checkTemplateParameters(positional, [{ type: 'body', parameters: [text('a'), text('b')] }])?.details).toMatch(/^header/);
  });

  it('rejects parameters for a template without placeholders', () => {
    expect(checkTemplateParameters(template([{ type: 'BODY', text: 'Hello' }]), [{ type: 'body', parameters: [text('x')] }])?.code).toBe(132000);
    expect(checkTemplateParameters(template([{ type: 'BODY', text: 'Hello' }]), undefined)).toBeNull();
  });

  it('requires a media parameter of the header format (132012 on the wrong type)', () => {
    const media = template([{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'x' }]);
    expect(checkTemplateParameters(media, [])?.code).toBe(132000);
    expect(checkTemplateParameters(media, [{ type: 'header', parameters: [{ type: 'video', video: { link: 'x' } }] }])?.code).toBe(132012);
    expect(checkTemplateParameters(media, [{ type: 'header', parameters: [{ type: 'image', image: { link: 'x' } }] }])).toBeNull();
  });

  it('checks named parameters by name', () => {
    const named = template([{ type: 'BODY', text: 'Hi {{first_name}}' }], 'named');
    expect(checkTemplateParameters(named, [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'name', text: 'A' }] }])?.code).toBe(132012);
    expect(checkTemplateParameters(named, [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'A' }] }])).toBeNull();
  });

  it('needs one parameter per dynamic URL button, by index', () => {
    const withButton = template([
      { type: 'BODY', text: 'x' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'ok' }, { type: 'URL', text: 'go', url: 'https://x/{{1}}' }] },
    ]);
    expect(checkTemplateParameters(withButton, [])?.details).toMatch(/^button at index 1/);
    expect(checkTemplateParameters(withButton, [{ type: 'button', sub_type: 'url', index: '1', parameters: [text('abc')] }])).toBeNull();
  });
});
