/** Public surface of the authoring domain: new records and ticket timestamps, written by people through the CLI. */
export { editTicketText, TICKET_ACTIONS, NOTIFY_TARGETS, OUTCOMES, type TicketAction, type TicketEdit, type TicketEditResult } from './edit-ticket-text.js';
export { nextRecordId, recordPath, NEW_KINDS, DATE_FIELD, type NewKind } from './next-record-id.js';
export { parseSets, coerce, defaultsFor, orderLikeSchema, renderRecordYaml, fieldSchema, resolveRef, kindSchema } from './new-record.js';
