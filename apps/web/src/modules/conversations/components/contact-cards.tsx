import { useI18n } from '../../i18n/hooks/use-i18n.js';
import type { ContactCard } from '../types/message-body.js';

export type ContactCardsProps = { cards: ContactCard[] };

/** Shared contact cards (vCards): every field is the sender's text, shown as text, never as a link. */
export function ContactCards({ cards }: ContactCardsProps) {
  const { t } = useI18n();
  return (
    <ul className="contact-cards" aria-label={t('message.contactCard')}>
      {cards.map((card, index) => (
        <li key={index} className="contact-card">
          <span className="contact-card-name">
            <span aria-hidden="true">👤 </span>
            {card.name}
          </span>
          {card.org === undefined ? null : <span className="muted">{card.org}</span>}
          {card.phones.map((phone, i) => (
            <span key={`p${i}`} className="contact-card-line">
              {phone}
            </span>
          ))}
          {card.emails.map((email, i) => (
            <span key={`e${i}`} className="contact-card-line">
              {email}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
