import type { InputHTMLAttributes } from 'react';
import { useIntl } from 'react-intl';
import { defineMessages } from '../i18n/define-messages';

const words = defineMessages({
  chooseFiles: { id: 'ui.filePicker.chooseFiles', defaultMessage: 'Choose files…' },
  chooseFile: { id: 'ui.filePicker.chooseFile', defaultMessage: 'Choose a file…' },
  none: { id: 'ui.filePicker.none', defaultMessage: 'No file chosen' },
});

type FilePickerProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> & {
  id: string;
  /** What is chosen now, as the form holds it: the names shown beside the button. */
  chosen: readonly { name: string }[];
};

/**
 * A file field that speaks the hub's language. The browser draws its own ("Choose Files", "No file
 * chosen") in the browser's language, whatever the person chose here: a French contact point
 * on an English machine read English in the middle of a French form. The real input stays the
 * control (its label names it, the keyboard reaches it, a click anywhere on the field opens the
 * picker), laid transparent over the words drawn here.
 */
export function FilePicker({ id, chosen, multiple, className, ...input }: FilePickerProps) {
  const intl = useIntl();
  const names = chosen.map((file) => file.name);
  return (
    <div className={['file-picker', className].filter(Boolean).join(' ')}>
      <input id={id} type="file" multiple={multiple} className="file-picker-input" {...input} />
      <span className="button file-picker-button" aria-hidden="true">
        {intl.formatMessage(multiple ? words.chooseFiles : words.chooseFile)}
      </span>
      <span className="file-picker-chosen" aria-hidden="true">
        {names.length ? intl.formatList(names, { type: 'conjunction' }) : intl.formatMessage(words.none)}
      </span>
    </div>
  );
}
