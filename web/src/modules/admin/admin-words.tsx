import type { ReactNode } from 'react';
import { defineMessages } from '../../i18n/define-messages';

// Words both directory screens say the same way, so agencies and users read alike.

export const adminWords = defineMessages({
  active: { id: 'admin.status.active', defaultMessage: 'Active' },
  inactive: { id: 'admin.status.inactive', defaultMessage: 'Inactive' },
  status: { id: 'admin.column.status', defaultMessage: 'Status' },
  timeZone: { id: 'admin.column.timeZone', defaultMessage: 'Time zone' },
  actions: { id: 'admin.column.actions', defaultMessage: 'Actions' },
  edit: { id: 'admin.action.edit', defaultMessage: 'Edit <hidden>{name}</hidden>' },
  deactivate: { id: 'admin.action.deactivate', defaultMessage: 'Deactivate <hidden>{name}</hidden>' },
  reactivate: { id: 'admin.action.reactivate', defaultMessage: 'Reactivate <hidden>{name}</hidden>' },
  confirmDeactivate: { id: 'admin.action.confirmDeactivate', defaultMessage: 'Deactivate' },
  deactivating: { id: 'admin.action.deactivating', defaultMessage: 'Deactivating…' },
  reactivating: { id: 'admin.action.reactivating', defaultMessage: 'Reactivating…' },
  cancel: { id: 'admin.action.cancel', defaultMessage: 'Cancel' },
  saving: { id: 'admin.action.saving', defaultMessage: 'Saving…' },
  saveChanges: { id: 'admin.action.saveChanges', defaultMessage: 'Save changes' },
  previousPage: { id: 'admin.pages.previous', defaultMessage: 'Previous page' },
  nextPage: { id: 'admin.pages.next', defaultMessage: 'Next page' },
  pageNumber: { id: 'admin.pages.number', defaultMessage: 'Page {page, number}' },
  timeZoneHint: {
    id: 'admin.field.timeZoneHint',
    defaultMessage: 'A zone of the IANA list, such as Asia/Kuala_Lumpur or Europe/Brussels.',
  },
  passwordRules: {
    id: 'admin.field.passwordRules',
    defaultMessage: 'At least {minimum, number} characters. Pass it on to the person by another channel than e-mail.',
  },
  noTimeZone: { id: 'admin.value.noTimeZone', defaultMessage: 'Not set' },
});

/** Rich-text tag for the part of a button's name that only screen readers need (which row it acts on). */
export const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;
