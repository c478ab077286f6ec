import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderAnswered } from '../../fixed-answers.test-support';
import { SessionContext } from '../../shell/viewer-context';
import { planner } from '../participants/test-support';
import { OutboxProvider, useOutbox } from './outbox-context';
import { OutboxControl } from './outbox-panel';
import { openOutboxStore, type StoredRefusal } from './outbox-store';
import type { OutboxWrite } from './outbox-writes';
import { WaitingWrites } from './waiting-writes';

// The outbox as the contact point sees it with the link down (the live socket never connects
// here): what she writes waits, its count in the header; she reads, corrects or discards it there,
// and a refusal reads in words.

const ALERT = 'QWxlcnQ6Nw';
const comment: OutboxWrite = {
  kind: 'commentOnAlert',
  input: { alertId: ALERT, body: 'Port team briefed.' },
  about: { alertReference: 'PGS-TEST-2026-01/A-0007', alertTitle: 'Ammonium nitrate as fertiliser' },
};

beforeEach(() => {
  // A fresh, empty IndexedDB for each test.
  globalThis.indexedDB = new IDBFactory();
});

/** A screen where the comment is written, and the shell's outbox button. */
function Screen() {
  const { submit } = useOutbox();
  return (
    <>
      <OutboxControl />
      <button type="button" onClick={() => void submit(comment)}>
        Post the comment
      </button>
      <WaitingWrites match={(write) => 'alertId' in write.input && write.input.alertId === ALERT} />
    </>
  );
}

const renderScreen = () =>
  renderAnswered(<Screen />, {}, (children) => (
    <SessionContext value={{ viewer: planner, timeZone: 'Asia/Bangkok', endSession() {} }}>
      <OutboxProvider userId={planner.id}>{children}</OutboxProvider>
    </SessionContext>
  ));

const storedWrites = async (userId = planner.id) => {
  const store = await openOutboxStore();
  const items = await store.list(userId);
  store.close();
  return items;
};

/** A write that went while the page was closed and came back refused, as the outbox keeps it. */
const storeRefused = async (key: string, write: OutboxWrite, refusal: StoredRefusal) => {
  const store = await openOutboxStore();
  await store.add({ userId: planner.id, key, write, madeAt: '2026-06-12T03:15:00Z', state: 'refused', refusal });
  store.close();
};

describe('the outbox panel', () => {
  it('shows a write made without a link as waiting, where it was made and in the header, and keeps it in the browser', async () => {
    const { user } = renderScreen();
    await user.click(screen.getByRole('button', { name: 'Post the comment' }));
    const here = await screen.findByRole('list', { name: 'Your writes not sent yet' });
    expect(here).toHaveTextContent('Comment on PGS-TEST-2026-01/A-0007 — Ammonium nitrate as fertiliser');
    expect(here).toHaveTextContent('Waiting to send, as soon as the link is back');

    await user.click(screen.getByRole('button', { name: 'Outbox: 1 waiting' }));
    const panel = await screen.findByRole('region', { name: 'Outbox' });
    const item = within(await within(panel).findByRole('list', { name: 'Writes waiting to be sent, oldest first' })).getByRole('listitem');
    expect(item).toHaveTextContent('Waiting to send');
    expect((await storedWrites()).map((stored) => stored.write)).toEqual([comment]);
    expect(await storedWrites('VXNlcjoy')).toEqual([]);
  });

  it('lets the words be corrected, checked as the server will check them, and the write discarded', async () => {
    const { user } = renderScreen();
    await user.click(screen.getByRole('button', { name: 'Post the comment' }));
    await user.click(await screen.findByRole('button', { name: 'Outbox: 1 waiting' }));
    const what = 'Comment on PGS-TEST-2026-01/A-0007 — Ammonium nitrate as fertiliser';
    await user.click(await screen.findByRole('button', { name: `Edit: ${what}` }));
    const body = screen.getByLabelText('Comment');
    await user.clear(body);
    await user.click(screen.getByRole('button', { name: 'Save and send' }));
    expect(body).toHaveAccessibleDescription('Required');

    await user.type(body, 'Port team briefed; container held at gate 4.');
    await user.click(screen.getByRole('button', { name: 'Save and send' }));
    await waitFor(async () =>
      expect((await storedWrites()).map((stored) => stored.write)).toEqual([
        { ...comment, input: { alertId: ALERT, body: 'Port team briefed; container held at gate 4.' } },
      ]),
    );

    await user.click(screen.getByRole('button', { name: `Discard: ${what}` }));
    expect(await screen.findByText('Nothing is waiting to be sent.')).toBeInTheDocument();
    expect(await storedWrites()).toEqual([]);
    expect(screen.queryByRole('list', { name: 'Your writes not sent yet' })).not.toBeInTheDocument();
  });

  it('says in words why the server refused a write when it finally went, and offers to send it again', async () => {
    await storeRefused('key-1', comment, {
      code: 'PHASE_RULE',
      message: 'Commenting on an alert is not possible while the operation is CLOSED.',
      phase: 'CLOSED',
    });
    const { user } = renderScreen();
    const refused = 'Commenting on an alert is not possible in the Closed phase.';
    expect(await screen.findByText(`Refused when it was sent: ${refused} — see the outbox.`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Outbox: 0 waiting, 1 refused' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`Refused by the server: ${refused}`);
    await user.click(screen.getByRole('button', { name: /^Send again: Comment on/ }));
    await waitFor(async () => expect((await storedWrites()).map((stored) => [stored.state, stored.key])).toEqual([['waiting', 'key-1']]));
    expect(await screen.findByRole('button', { name: 'Outbox: 1 waiting' })).toBeInTheDocument();
  });

  it('offers to remove a file the server will never take rather than send it again, and sends the report’s other files', async () => {
    const kept = (name: string) => ({ name, blob: new Blob([name]), sha256: name.padEnd(64, '0') });
    const report: OutboxWrite = {
      kind: 'reportSeizure',
      input: { operationId: 'T3BlcmF0aW9uOjE', place: 'Rantau Panjang border post, lane 3' } as Extract<
        OutboxWrite,
        { kind: 'reportSeizure' }
      >['input'],
      about: { operationCode: 'PGS-TEST-2026-01' },
      files: [kept('wagon-12.jpg'), kept('scanner-export.exe'), kept('customs-k1.pdf')],
      submitOnceFilesAdded: true,
    };
    await storeRefused('key-2', report, {
      code: 'ATTACHMENT_TYPE_REFUSED',
      message: 'The file is none of the kinds kept.',
      fileName: 'scanner-export.exe',
    });
    const { user } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Outbox: 0 waiting, 1 refused' }));
    const what = 'Seizure report in PGS-TEST-2026-01: Rantau Panjang border post, lane 3, with 3 files';
    const row = (await screen.findByText(what)).closest('li')!;
    expect(within(row).getByRole('alert')).toHaveTextContent(/^Refused by the server: scanner-export.exe was not added: /);
    expect(within(row).getByRole('alert')).toHaveTextContent(
      'The server will not take scanner-export.exe, however often it is sent. Remove it to send the report’s other files and then submit the report, or discard what is left here: the report stays your agency’s draft.',
    );
    expect(within(row).queryByRole('button', { name: /^Send again/ })).not.toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: `Remove scanner-export.exe from: ${what}` }));
    await waitFor(async () =>
      expect(
        (await storedWrites()).map((stored) => [
          stored.state,
          stored.write.kind === 'reportSeizure' && stored.write.files?.map((file) => file.name),
        ]),
      ).toEqual([['waiting', ['wagon-12.jpg', 'customs-k1.pdf']]]),
    );
    expect(await screen.findByRole('button', { name: 'Outbox: 1 waiting' })).toBeInTheDocument();
  });
});
