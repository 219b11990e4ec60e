export type MediaKind = 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker';

export type ContactCard = { name: string; org: string | undefined; phones: string[]; emails: string[] };

/**
 * What a message shows, read defensively from `Message.content` (typed `unknown` by the contract:
 * it is the Cloud API object of the message's type, inbound or outbound). Every string here is still
 * untrusted and is rendered as text; URLs are kept only when they are http(s).
 */
export type MessageBody =
  | { kind: 'text'; text: string }
  | {
      kind: 'media';
      media: MediaKind;
      storedMediaId: string | undefined;
      /** The Hub gave up on the medium (download failed, or refused by type/size): it will never show. */
      unavailable: boolean;
      caption: string | undefined;
      filename: string | undefined;
      mimeType: string | undefined;
    }
  | { kind: 'location'; latitude: number; longitude: number; name: string | undefined; address: string | undefined }
  | { kind: 'contacts'; cards: ContactCard[] }
  | { kind: 'reply'; reply: 'button' | 'list'; title: string; description: string | undefined }
  | { kind: 'interactive'; header: string | undefined; body: string | undefined; footer: string | undefined; options: string[]; link: { text: string; href: string } | undefined }
  | { kind: 'template'; name: string; language: string; parameters: string[] }
  | { kind: 'reaction'; targetWamid: string; emoji: string }
  | { kind: 'order'; itemCount: number; text: string | undefined }
  | { kind: 'unsupported'; type: string };
