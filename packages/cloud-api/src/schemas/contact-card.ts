import { Type, type Static } from 'typebox';

/**
 * A contact card, the same shape in send requests (`contacts` type) and inbound `contacts` messages
 * ([OAS23] `ContactsMessage`; REFERENCE.md §1.2). `type` fields are free strings: [OAS23] says
 * HOME/WORK but Meta's own examples use "Office", "Work (old)", "MOBILE".
 */
export const ContactCardName = Type.Object({
  formatted_name: Type.Optional(Type.String()),
  first_name: Type.Optional(Type.String()),
  last_name: Type.Optional(Type.String()),
  middle_name: Type.Optional(Type.String()),
  prefix: Type.Optional(Type.String()),
  suffix: Type.Optional(Type.String()),
});

export const ContactCardAddress = Type.Object({
  street: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  zip: Type.Optional(Type.String()),
  country: Type.Optional(Type.String()),
  country_code: Type.Optional(Type.String()),
  type: Type.Optional(Type.String()),
});

export const ContactCardPhone = Type.Object({
  phone: Type.Optional(Type.String()),
  type: Type.Optional(Type.String()),
  wa_id: Type.Optional(Type.String()),
});

export const ContactCardEmail = Type.Object({ email: Type.Optional(Type.String()), type: Type.Optional(Type.String()) });

export const ContactCardUrl = Type.Object({ url: Type.Optional(Type.String()), type: Type.Optional(Type.String()) });

export const ContactCard = Type.Object({
  name: ContactCardName,
  addresses: Type.Optional(Type.Array(ContactCardAddress)),
  birthday: Type.Optional(Type.String()),
  emails: Type.Optional(Type.Array(ContactCardEmail)),
  org: Type.Optional(
    Type.Object({
      company: Type.Optional(Type.String()),
      department: Type.Optional(Type.String()),
      title: Type.Optional(Type.String()),
    }),
  ),
  phones: Type.Optional(Type.Array(ContactCardPhone)),
  urls: Type.Optional(Type.Array(ContactCardUrl)),
});
export type ContactCard = Static<typeof ContactCard>;
