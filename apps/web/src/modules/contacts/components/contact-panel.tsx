import type { ReactNode } from 'react';
import type { AuthUser, Conversation } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { LabelChips } from '../../labels/components/label-chips.js';
import { LabelPicker } from '../../labels/components/label-picker.js';
import { canAttachLabels, canManageLabels } from '../../labels/utils/label-permissions.js';
import { NotesPanel } from '../../notes/components/notes-panel.js';
import { useContact } from '../hooks/use-contact.js';
import { AttributesEditor } from './attributes-editor.js';
import { ConsentEditor } from './consent-editor.js';
import { ErpIdEditor } from './erp-id-editor.js';
import { PastConversations } from './past-conversations.js';
import './contact-panel.css';

export type ContactPanelProps = {
  conversation: Conversation;
  user: AuthUser;
  onOpenConversation: (id: string) => void;
  onClose: () => void;
};

/** Beside the chat: who the customer is (ERP id, attributes, labels, consent), their conversations, and the agents' notes. */
export function ContactPanel({ conversation, user, onOpenConversation, onClose }: ContactPanelProps) {
  const { t } = useI18n();
  const query = useContact(conversation.contact.id);
  const canEdit = user.role !== 'viewer';
  return (
    <section className="contact-panel" aria-label={t('contact.title')}>
      <header className="contact-panel-header">
        <h2>{t('contact.title')}</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('contact.close')}
        </button>
      </header>
      {query.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {query.isError ? (
        <div role="alert">
          <p>{t('common.loadError')}</p>
          <button type="button" className="button button-small" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {query.data ? (
        <>
          <div className="contact-section">
            <p className="contact-name">{query.data.profileName ?? `+${query.data.waId}`}</p>
            <p className="muted">+{query.data.waId}</p>
          </div>
          <ContactSection title={t('contact.erpId')}>
            <ErpIdEditor contact={query.data} canEdit={canEdit} />
          </ContactSection>
          <ContactSection title={t('contact.attributes')}>
            <AttributesEditor contact={query.data} canEdit={canEdit} />
          </ContactSection>
          <ContactSection title={t('contact.labels')}>
            <LabelChips labels={query.data.labels} />
            {query.data.labels.length === 0 ? <p className="muted small">{t('labels.noneAttached')}</p> : null}
            {canAttachLabels(user.role) ? (
              <LabelPicker target="contact" targetId={query.data.id} attached={query.data.labels} canCreate={canManageLabels(user.role)} />
            ) : null}
          </ContactSection>
          <ContactSection title={t('contact.consent')}>
            <ConsentEditor contact={query.data} canEdit={canEdit} />
          </ContactSection>
          <ContactSection title={t('contact.conversations')}>
            <PastConversations conversations={query.data.conversations} currentId={conversation.id} onOpen={onOpenConversation} />
          </ContactSection>
        </>
      ) : null}
      <NotesPanel conversationId={conversation.id} canWrite={canAttachLabels(user.role)} />
    </section>
  );
}

function ContactSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="contact-section">
      <h3>{title}</h3>
      {children}
    </div>
  );
}
