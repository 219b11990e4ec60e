import { useState } from 'react';
import type { ChannelTemplate, Conversation } from '@valeo/contracts';
import { randomId } from '../../../lib/random-id.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useChannelTemplates } from '../hooks/use-channel-templates.js';
import { useSendMessage } from '../hooks/use-send-message.js';
import { asReplyTo, templateMessageRequest } from '../utils/outbound-requests.js';
import { templateShape } from '../utils/template-placeholders.js';
import { TemplateForm } from './template-form.js';

export type TemplatePickerProps = {
  conversation: Conversation;
  /** The wamid the template answers (sent as its `context`). */
  replyTo?: string | undefined;
  onSent?: () => void;
};

/**
 * The closed-window path: the channel's APPROVED templates (from the provider), one picked, its
 * placeholders filled in, sent as `type: template`.
 */
export function TemplatePicker({ conversation, replyTo, onSent }: TemplatePickerProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<ChannelTemplate | undefined>(undefined);
  const templates = useChannelTemplates(conversation.channelId, open);
  const send = useSendMessage();

  function close() {
    setOpen(false);
    setChosen(undefined);
    send.reset();
  }

  if (!open) {
    return (
      <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
        {t('templates.choose')}
      </button>
    );
  }
  return (
    <section className="template-picker" aria-label={t('templates.title')}>
      <header className="template-picker-head">
        <h3>{t('templates.title')}</h3>
        <button type="button" className="button button-small" onClick={close}>{t('templates.close')}</button>
      </header>
      {chosen === undefined ? (
        <TemplateList templates={templates} onChoose={setChosen} />
      ) : (
        <TemplateForm
          template={chosen}
          sending={send.isPending}
          error={send.isError ? send.error.message : undefined}
          onBack={() => setChosen(undefined)}
          onSend={(values) => send.mutate(
            { conversationId: conversation.id, request: asReplyTo(templateMessageRequest(conversation, chosen, values), replyTo), idempotencyKey: randomId() },
            { onSuccess: () => { close(); onSent?.(); } },
          )}
        />
      )}
    </section>
  );
}

type TemplateListProps = { templates: ReturnType<typeof useChannelTemplates>; onChoose: (template: ChannelTemplate) => void };

function TemplateList({ templates, onChoose }: TemplateListProps) {
  const { t } = useI18n();
  if (templates.isPending) return <p role="status">{t('common.loading')}</p>;
  if (templates.isError) return <p className="form-error" role="alert">{t('templates.loadFailed', { reason: templates.error.message })}</p>;
  if (templates.data.length === 0) return <p>{t('templates.empty')}</p>;
  return (
    <ul className="template-list">
      {templates.data.map((template) => {
        const shape = templateShape(template);
        const count = shape.headerKeys.length + shape.bodyKeys.length;
        return (
          <li key={template.id}>
            <button type="button" className="template-option" disabled={!shape.supported} onClick={() => onChoose(template)}>
              <span className="template-name">{template.name}</span>
              <span className="template-meta">{template.language} · {t('templates.parameterCount', { count })}</span>
              <span className="template-body">{shape.body?.text ?? ''}</span>
              {shape.supported ? null : <span className="template-unsupported">{t('templates.unsupported')}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
