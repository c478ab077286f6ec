import { seizureImportTemplate } from '@jointops/shared/seizure-import';

// `pnpm seizures:template > seizures.csv` (pnpm writes its banner to stderr): the empty seizure import template, header row only.
process.stdout.write(seizureImportTemplate());
