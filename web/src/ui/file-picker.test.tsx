import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import french from '../../lang/fr/shell.json';
import { FilePicker } from './file-picker';

// The file field in the hub's language, not the browser's: its label still names the input, and
// the names of what was chosen are shown beside its button.

function Field({ locale }: { locale: 'en' | 'fr' }) {
  const [files, setFiles] = useState<File[]>([]);
  return (
    <IntlProvider locale={locale} messages={locale === 'fr' ? french : {}}>
      <label htmlFor="files">Fichiers</label>
      <FilePicker id="files" multiple chosen={files} onChange={(event) => setFiles(Array.from(event.target.files ?? []))} />
    </IntlProvider>
  );
}

describe('a file field', () => {
  it('says in French what to do and that nothing is chosen yet', () => {
    render(<Field locale="fr" />);
    expect(screen.getByText('Choisir des fichiers…')).toBeInTheDocument();
    expect(screen.getByText('Aucun fichier choisi')).toBeInTheDocument();
  });

  it('keeps the input as the control its label names, and shows the names chosen', async () => {
    render(<Field locale="fr" />);
    const input = screen.getByLabelText('Fichiers');
    expect(input).toHaveAttribute('type', 'file');
    await userEvent.upload(input, [
      new File(['a'], 'photo.jpg', { type: 'image/jpeg' }),
      new File(['b'], 'form.pdf', { type: 'application/pdf' }),
    ]);
    expect(screen.getByText('photo.jpg et form.pdf')).toBeInTheDocument();
    expect(screen.queryByText('Aucun fichier choisi')).toBeNull();
  });

  it('asks for one file where only one is taken', () => {
    render(
      <IntlProvider locale="en">
        <label htmlFor="csv">File</label>
        <FilePicker id="csv" chosen={[]} />
      </IntlProvider>,
    );
    expect(screen.getByText('Choose a file…')).toBeInTheDocument();
  });
});
