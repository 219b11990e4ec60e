// Filled by the migration that creates these tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessagingTables {}
