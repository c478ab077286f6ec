import { defineMessages } from '../../i18n/define-messages';

// The seizure import's own words. Column names stay as the template writes them: they are the
// file's keys, the same in every language.

export const importWords = defineMessages({
  title: { id: 'import.title', defaultMessage: 'Import seizures from a file' },
  intro: {
    id: 'import.intro',
    defaultMessage:
      'Fill in the template, one seizure a row, and choose the file: every row and every problem is shown here before anything is saved. The file is imported whole or not at all; a row imported before is not imported again.',
  },
  notAllowed: {
    id: 'import.notAllowed',
    defaultMessage:
      'Contact points and coordinators import their agency’s seizures while the operation is operational or post-operational.',
  },
  template: { id: 'import.template', defaultMessage: 'Download the template' },
  templateFailed: { id: 'import.templateFailed', defaultMessage: 'The template could not be downloaded. Try again.' },
  file: { id: 'import.file', defaultMessage: 'Seizure file (CSV)' },
  fileHint: { id: 'import.fileHint', defaultMessage: 'Separated by commas or semicolons, in UTF-8, as spreadsheets save it.' },
  summary: {
    id: 'import.summary',
    defaultMessage:
      '{file}: {rows, plural, one {# row} other {# rows}}, {problems, plural, =0 {no problem found} one {# problem to correct} other {# problems to correct}}.',
  },
  problemsCaption: { id: 'import.problemsCaption', defaultMessage: 'Problems to correct in the file' },
  serverProblemsCaption: { id: 'import.serverProblemsCaption', defaultMessage: 'Problems the server found: nothing was imported' },
  rowsCaption: { id: 'import.rowsCaption', defaultMessage: 'Rows of the file' },
  row: { id: 'import.column.row', defaultMessage: 'Row' },
  column: { id: 'import.column.column', defaultMessage: 'Column' },
  problem: { id: 'import.column.problem', defaultMessage: 'Problem' },
  header: { id: 'import.header', defaultMessage: 'Header' },
  wholeRow: { id: 'import.wholeRow', defaultMessage: 'Whole row' },
  state: { id: 'import.column.state', defaultMessage: 'Check' },
  rowOk: { id: 'import.rowOk', defaultMessage: 'Ready' },
  rowProblems: { id: 'import.rowProblems', defaultMessage: '{count, plural, one {# problem} other {# problems}}' },
  importRows: { id: 'import.importRows', defaultMessage: '{count, plural, one {Import # seizure} other {Import # seizures}}' },
  correctFirst: {
    id: 'import.correctFirst',
    defaultMessage: 'Correct the file and choose it again: nothing is imported while a row has a problem.',
  },
  sending: {
    id: 'import.sending',
    defaultMessage: 'Importing {count, plural, one {# row} other {# rows}}: the server checks every row before it saves any…',
  },
  progress: { id: 'import.progress', defaultMessage: 'Import in progress' },
  imported: {
    id: 'import.imported',
    defaultMessage:
      '{imported, plural, =0 {No new seizure imported} one {# seizure imported} other {# seizures imported}}{earlier, plural, =0 {.} one {; # row had been imported before and was not imported again.} other {; # rows had been imported before and were not imported again.}}',
  },
  tooLarge: {
    id: 'import.tooLarge',
    defaultMessage: 'The file is over the limits ({maxRows, number} rows, {maxBytes, number} bytes): split it and import each part.',
  },
});
