import { useState, type FormEvent } from 'react';
import type { ChannelTemplate } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import type { TemplateParameterValues } from '../utils/outbound-requests.js';
import { splitPlaceholders, templateShape } from '../utils/template-placeholders.js';

export type TemplateFormProps = {
  template: ChannelTemplate;
  sending: boolean;
  error: string | undefined;
  onBack: () => void;
  onSend: (values: TemplateParameterValues) => void;
};

/** WhatsApp's limit for one text parameter of a template. */
const MAX_PARAMETER = 1024;

/** One input per placeholder (header, then body), a live preview, and send once every one is filled. */
export function TemplateForm({ template, sending, error, onBack, onSend }: TemplateFormProps) {
  const { t } = useI18n();
  const shape = templateShape(template);
  const [header, setHeader] = useState<string[]>(() => shape.headerKeys.map(() => ''));
  const [body, setBody] = useState<string[]>(() => shape.bodyKeys.map(() => ''));
  const complete = [...header, ...body].every((value) => value.trim() !== '');
  const named = template.parameterFormat === 'named';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!complete || sending) return;
    onSend({ header, body, ...(named ? { names: { header: shape.headerKeys, body: shape.bodyKeys } } : {}) });
  }

  const valuesOf = (keys: string[], values: string[]) => new Map(keys.map((key, i) => [key, values[i] ?? '']));
  return (
    <form className="template-form" onSubmit={submit} aria-label={template.name}>
      <p className="template-meta">{template.name} · {template.language}</p>
      <ParameterInputs keys={shape.headerKeys} values={header} onChange={setHeader} label={(key) => t('templates.headerParameter', { key })} />
      <ParameterInputs keys={shape.bodyKeys} values={body} onChange={setBody} label={(key) => t('templates.bodyParameter', { key })} />
      <div className="template-preview" aria-label={t('templates.preview')}>
        {shape.header?.text === undefined ? null : <p className="template-preview-header"><Filled text={shape.header.text} values={valuesOf(shape.headerKeys, header)} /></p>}
        <p><Filled text={shape.body?.text ?? ''} values={valuesOf(shape.bodyKeys, body)} /></p>
        {shape.footer?.text === undefined ? null : <p className="template-preview-footer">{shape.footer.text}</p>}
      </div>
      {error === undefined ? null : <p className="form-error" role="alert">{t('composer.sendFailed', { reason: error })}</p>}
      <div className="template-actions">
        <button type="button" className="button" onClick={onBack}>{t('templates.other')}</button>
        <button type="submit" className="button button-primary" disabled={!complete || sending}>{t('templates.send')}</button>
      </div>
    </form>
  );
}

type ParameterInputsProps = { keys: string[]; values: string[]; onChange: (values: string[]) => void; label: (key: string) => string };

function ParameterInputs({ keys, values, onChange, label }: ParameterInputsProps) {
  return keys.map((key, index) => (
    <label key={key} className="template-parameter">
      <span>{label(key)}</span>
      <input
        type="text"
        value={values[index] ?? ''}
        maxLength={MAX_PARAMETER}
        required
        onChange={(event) => onChange(values.map((v, i) => (i === index ? event.target.value : v)))}
      />
    </label>
  ));
}

/** The template text with each placeholder shown as its value (or as `{{n}}` while empty): text nodes only. */
function Filled({ text, values }: { text: string; values: Map<string, string> }) {
  return splitPlaceholders(text).map((part, index) => {
    if (part.kind === 'text') return <span key={index}>{part.text}</span>;
    const value = values.get(part.key) ?? '';
    return value === ''
      ? <mark key={index} className="template-placeholder">{`{{${part.key}}}`}</mark>
      : <mark key={index} className="template-value">{value}</mark>;
  });
}
