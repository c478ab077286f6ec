import { createHash, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { count } from 'drizzle-orm';
import { attachmentChunks, attachments } from '@jointops/server/db/schema/attachments';
import { describe, expect } from 'vitest';
import { encodeGlobalId } from '@jointops/server/global-id';
import { withApp } from '../testkit/fixtures';
import { fileHandles } from '../testkit/file-handles';
import type { Actor, OperationDriver } from '../testkit/operations';
import { operationalRoom } from '../testkit/operational-room';
import { seizureInput } from '../testkit/seizures';
import { withAuditRows } from './audit-rows';

// Files on alerts and seizure reports: Malaysian customs attach the x-ray image and the scanned
// bill of lading to a draft report, and Thai customs add a lab report to an alert Malaysia sent
// them alone. Each file has exactly its parent's audience, on every path: the parent's list, node,
// the download, the timeline and the live stream. A refused upload stores nothing and is audited.

/** Small enough that a test passes it with a few chunks of a streamed body. */
const MAX_BYTES = 64 * 1024;
const it = withApp({ env: { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
const file = fileHandles(it);

const ROOM = { outsider: 'VN', commodities: { ammoniumNitrate: 'AMMONIUM_NITRATE' } } as const;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('x-ray image of MSKU1234565')]);
const PDF = Buffer.from('%PDF-1.4\n% scanned bill of lading MYPKG-SG-0042\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><script>fetch("/graphql")</script>');

type Parent = { alertId: string } | { seizureId: string };

interface Uploaded {
  status: number;
  body: { id?: string; sha256?: string; downloadUrl?: string; error?: { code: string; message: string } } | null;
}

/** `POST /attachments` with the file as the body, signed in with `by`'s token unless other headers say otherwise. */
async function upload(by: Actor | null, parent: Parent, fileName: string, bytes: Buffer, headers: Record<string, string> = {}) {
  const query = new URLSearchParams({ ...parent, fileName });
  const response = await fetch(`${file.app.url}/attachments?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', ...(by ? { authorization: `Bearer ${by.token}` } : {}), ...headers },
    body: new Uint8Array(bytes),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null } as Uploaded;
}

/**
 * An upload of `total` bytes sent in chunks without a length, as a client streaming a file does:
 * the answer to it, which the server may give before the body is all sent.
 */
function streamedUpload(by: Actor, parent: Parent, total: number): Promise<Uploaded> {
  const query = new URLSearchParams({ ...parent, fileName: 'container.jpg' });
  return new Promise((resolve, reject) => {
    const req = request(`${file.app.url}/attachments?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${by.token}`, 'content-type': 'image/jpeg', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => {
        text += part;
      });
      response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
    });
    // The server stops reading once the file passes the limit: what is still being sent may be refused.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    let answered = false;
    req.on('response', () => {
      answered = true;
    });
    let sent = 0;
    const sendMore = () => {
      while (sent < total && !answered) {
        const part = Buffer.alloc(Math.min(8 * 1024, total - sent), 0xff);
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', sendMore);
      }
      req.end();
    };
    sendMore();
  });
}

async function download(by: Actor | null, url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${file.app.url}${url}`, {
    headers: { ...(by ? { authorization: `Bearer ${by.token}` } : {}), ...headers },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** How many files and chunks of bytes the database holds. */
async function storedRows() {
  const { db } = file.app.database;
  const [files] = await db.select({ count: count() }).from(attachments);
  const [chunks] = await db.select({ count: count() }).from(attachmentChunks);
  return { files: files!.count, chunks: chunks!.count };
}

/** What `viewer` finds of a file: in its parent's list, and as a node. */
async function sightOf(viewer: Actor, parentId: string, attachmentId: string) {
  const response = await file.app.graphql(
    `query($parent: ID!, $attachment: ID!) {
      parent: node(id: $parent) { ... on Alert { attachments { id } } ... on Seizure { attachments { id } } }
      attachment: node(id: $attachment) { id ... on Attachment { fileName } }
    }`,
    { parent: parentId, attachment: attachmentId },
    { token: viewer.token },
  );
  expect(response.errors).toBeUndefined();
  const list = (response.data!.parent?.attachments ?? []) as { id: string }[];
  return { inList: list.some((item) => item.id === attachmentId), node: response.data!.attachment };
}

/** The ATTACHMENT_ADDED events of the timeline as `viewer` sees it. */
async function attachmentEvents(operation: OperationDriver, viewer: Actor): Promise<{ attachment: { id: string } }[]> {
  const seen = await operation.view(
    viewer,
    'timeline(first: 500) { edges { node { type ... on AttachmentAddedEvent { attachment { id } alert { id } seizure { id } } } } }',
  );
  return seen!.timeline.edges
    .map((edge: { node: { type: string } }) => edge.node)
    .filter((event: { type: string }) => event.type === 'ATTACHMENT_ADDED');
}

/** The last cursor of the timeline as `viewer` sees it. */
async function lastCursor(operation: OperationDriver, viewer: Actor): Promise<string> {
  const seen = await operation.view(viewer, 'timeline(first: 1, newestFirst: true) { edges { cursor } }');
  return seen!.timeline.edges[0].cursor;
}

/** The first event `viewer`'s live stream delivers after `after` (GraphQL over SSE, replay included). */
async function firstStreamed(operation: OperationDriver, viewer: Actor, after: string) {
  const response = await file.app.graphql(
    'subscription($id: ID!, $after: String) { operationEvents(operationId: $id, after: $after) { type } }',
    { id: operation.id, after },
    { token: viewer.token },
  );
  return response.data?.operationEvents as { type: string };
}

const restrictedAlert = async (operation: OperationDriver, by: Actor, to: Actor) => {
  const { result } = await file.kit.mutate(by, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomUUID(),
    category: 'INTELLIGENCE',
    severity: 'HIGH',
    title: 'Consignee linked to an earlier diversion',
    marking: 'AMBER',
    distribution: 'RESTRICTED',
    recipientAgencyIds: [to.agency.globalId],
  });
  if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
  return result.id as string;
};

describe('a file on a seizure report', () => {
  it('is uploaded, listed, fetched back byte for byte with download headers, and recorded with its event and audit row', async () => {
    const { operation, malaysia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seizureId = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const before = await storedRows();
    const { value: uploaded, audit } = await withAuditRows(file.app, () =>
      upload(malaysia, { seizureId }, 'Connaissement n°42 — scan.pdf', PDF, { 'content-type': 'application/octet-stream' }),
    );
    expect(uploaded.status).toBe(201);
    const sha256 = createHash('sha256').update(PDF).digest();
    expect(uploaded.body).toMatchObject({ contentType: 'application/pdf', size: PDF.length, sha256: sha256.toString('hex') });
    expect(await storedRows()).toEqual({ files: before.files + 1, chunks: before.chunks + 1 });
    expect(audit).toEqual([expect.objectContaining({ action: 'addAttachment', outcome: 'SUCCEEDED', targetType: 'Attachment' })]);

    const id = uploaded.body!.id!;
    const listed = await file.app.graphql(
      `query($id: ID!) { node(id: $id) { ... on Seizure { attachments {
        id fileName contentType size sha256 downloadUrl uploadedAt uploadedBy { id } } } } }`,
      { id: seizureId },
      { token: malaysia.token },
    );
    expect(listed.data!.node.attachments).toEqual([
      {
        id,
        fileName: 'Connaissement n°42 — scan.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
        sha256: sha256.toString('hex'),
        downloadUrl: uploaded.body!.downloadUrl,
        uploadedAt: expect.any(String),
        uploadedBy: { id: malaysia.globalId },
      },
    ]);

    const fetched = await download(malaysia, uploaded.body!.downloadUrl!);
    expect(fetched.status).toBe(200);
    expect(fetched.bytes.equals(PDF)).toBe(true);
    expect(
      Object.fromEntries(
        ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'cache-control', 'repr-digest'].map((name) => [
          name,
          fetched.headers.get(name),
        ]),
      ),
    ).toEqual({
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
      'content-disposition': `attachment; filename="Connaissement n_42 _ scan.pdf"; filename*=UTF-8''Connaissement%20n%C2%B042%20%E2%80%94%20scan.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'repr-digest': `sha-256=:${sha256.toString('base64')}:`,
    });
    expect(await attachmentEvents(operation, malaysia)).toEqual([
      { type: 'ATTACHMENT_ADDED', attachment: { id }, alert: null, seizure: { id: seizureId } },
    ]);
  });

  it('streams a file of many chunks back whole', async () => {
    const { operation, malaysia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seizureId = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const large = Buffer.alloc(MAX_BYTES);
    for (let index = 0; index < large.length; index++) large[index] = (index * 7) % 251;
    PNG.copy(large);
    const uploaded = await upload(malaysia, { seizureId }, 'x-ray.png', large);
    expect(uploaded.status).toBe(201);
    const fetched = await download(malaysia, uploaded.body!.downloadUrl!);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(fetched.bytes.equals(large)).toBe(true);
  });

  it('exists only for the reporting agency while the report is a draft, then for every member, and never for an outsider', async () => {
    const { operation, planner, malaysia, thailand, outsider, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seizureId = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const cursor = await lastCursor(operation, thailand);
    const uploaded = await upload(malaysia, { seizureId }, 'x-ray.png', PNG);
    const id = uploaded.body!.id!;
    await operation.readinessTest();

    const forged = await download(thailand, `/attachments/${encodeGlobalId('Attachment', randomUUID())}`);
    expect(forged.status).toBe(404);
    for (const other of [thailand, planner, outsider]) {
      expect(await sightOf(other, seizureId, id)).toEqual({ inList: false, node: null });
      const refused = await download(other, uploaded.body!.downloadUrl!);
      expect({ status: refused.status, body: refused.bytes.toString() }).toEqual({ status: forged.status, body: forged.bytes.toString() });
    }
    expect(await attachmentEvents(operation, thailand)).toEqual([]);
    expect(await firstStreamed(operation, thailand, cursor)).toEqual({ type: 'ALERT_RAISED' });
    expect((await download(null, uploaded.body!.downloadUrl!)).status).toBe(401);

    expect((await file.kit.mutate(malaysia, 'submitSeizure', { seizureId })).result).toMatchObject({ status: 'SUBMITTED' });
    expect(await sightOf(thailand, seizureId, id)).toEqual({ inList: true, node: { id, fileName: 'x-ray.png' } });
    expect((await download(thailand, uploaded.body!.downloadUrl!)).bytes.equals(PNG)).toBe(true);
    expect(await sightOf(outsider, seizureId, id)).toEqual({ inList: false, node: null });
    expect((await download(outsider, uploaded.body!.downloadUrl!)).status).toBe(404);
  });
});

describe('a file on an alert', () => {
  it('is added by the agencies the alert is for and exists for nobody else, on every path', async () => {
    const { operation, planner, malaysia, thailand, outsider } = await operationalRoom(file.kit, ROOM);
    const alertId = await restrictedAlert(operation, malaysia, thailand);
    const cursor = await lastCursor(operation, malaysia);
    const uploaded = await upload(thailand, { alertId }, 'lab-report.pdf', PDF);
    expect(uploaded.status).toBe(201);
    const id = uploaded.body!.id!;
    await operation.readinessTest();

    for (const member of [malaysia, thailand]) {
      expect(await sightOf(member, alertId, id)).toEqual({ inList: true, node: { id, fileName: 'lab-report.pdf' } });
      expect((await download(member, uploaded.body!.downloadUrl!)).bytes.equals(PDF)).toBe(true);
      expect(await attachmentEvents(operation, member)).toEqual([
        { type: 'ATTACHMENT_ADDED', attachment: { id }, alert: { id: alertId }, seizure: null },
      ]);
    }
    const forged = await download(planner, `/attachments/${encodeGlobalId('Attachment', randomUUID())}`);
    for (const other of [planner, outsider]) {
      expect(await sightOf(other, alertId, id)).toEqual({ inList: false, node: null });
      const refused = await download(other, uploaded.body!.downloadUrl!);
      expect({ status: refused.status, body: refused.bytes.toString() }).toEqual({ status: 404, body: forged.bytes.toString() });
    }
    expect(await attachmentEvents(operation, planner)).toEqual([]);
    expect(await firstStreamed(operation, planner, cursor)).toEqual({ type: 'ALERT_RAISED' });
    expect(await firstStreamed(operation, malaysia, cursor)).toEqual({ type: 'ATTACHMENT_ADDED' });
  });
});

describe('a refused upload', () => {
  /** Runs an upload that must be refused: its answer, after checking nothing was stored and one refusal was audited. */
  async function refused(call: () => Promise<Uploaded>, reasonCode: string) {
    const before = await storedRows();
    const { value, audit } = await withAuditRows(file.app, call);
    expect(await storedRows()).toEqual(before);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'addAttachment',
        outcome: 'REFUSED',
        reason: expect.stringMatching(new RegExp(`^${reasonCode}: `)),
      }),
    ]);
    return value;
  }

  it("is answered 404 for another agency's draft, as for an id that names nothing, and for someone outside the operation", async () => {
    const { operation, malaysia, thailand, outsider, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seizureId = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const forged = await refused(() => upload(thailand, { seizureId: encodeGlobalId('Seizure', randomUUID()) }, 'x.png', PNG), 'NOT_FOUND');
    expect(forged).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Seizure not found.' } } });
    expect(await refused(() => upload(thailand, { seizureId }, 'x.png', PNG), 'NOT_FOUND')).toEqual(forged);
    expect(await refused(() => upload(outsider, { seizureId }, 'x.png', PNG), 'NOT_FOUND')).toEqual(forged);
  });

  it('is FORBIDDEN to another agency on a report it sees, and a CONFLICT once the report is submitted', async () => {
    const { operation, malaysia, thailand, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seizureId = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate));
    expect((await refused(() => upload(thailand, { seizureId }, 'x.png', PNG), 'FORBIDDEN')).status).toBe(403);
    expect((await refused(() => upload(malaysia, { seizureId }, 'x.png', PNG), 'CONFLICT')).body).toEqual({
      error: { code: 'CONFLICT', message: 'Files are added to a draft or a rejected report; this report is SUBMITTED.' },
    });
  });

  it('is refused 415 when the content is HTML, whatever its name and declared type', async () => {
    const { operation, malaysia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seizureId = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const answer = await refused(
      () => upload(malaysia, { seizureId }, 'photo.jpg', HTML, { 'content-type': 'image/jpeg' }),
      'ATTACHMENT_TYPE_REFUSED',
    );
    expect(answer).toMatchObject({ status: 415, body: { error: { code: 'ATTACHMENT_TYPE_REFUSED' } } });
    expect((await refused(() => upload(malaysia, { seizureId }, 'empty.pdf', Buffer.alloc(0)), 'ATTACHMENT_TYPE_REFUSED')).status).toBe(
      415,
    );
  });

  it('is refused 413 as soon as the file passes the limit, declared or streamed', async () => {
    const { operation, malaysia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seizureId = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const declared = await refused(
      () => upload(malaysia, { seizureId }, 'big.png', Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)])),
      'ATTACHMENT_TOO_LARGE',
    );
    expect(declared).toMatchObject({ status: 413, body: { error: { code: 'ATTACHMENT_TOO_LARGE' } } });
    // Ten times the limit is offered; the answer comes once the limit is passed.
    const streamed = await refused(() => streamedUpload(malaysia, { seizureId }, 10 * MAX_BYTES), 'ATTACHMENT_TOO_LARGE');
    expect(streamed).toMatchObject({ status: 413, body: { error: { code: 'ATTACHMENT_TOO_LARGE' } } });
    // Exactly the limit is taken.
    expect((await streamedUpload(malaysia, { seizureId }, MAX_BYTES)).status).toBe(415);
  });

  it('is refused without a name, with two parents, or with a folder in its name', async () => {
    const { operation, malaysia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seizureId = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    expect((await refused(() => upload(malaysia, { seizureId }, '   ', PNG), 'VALIDATION')).status).toBe(400);
    expect((await refused(() => upload(malaysia, { seizureId }, '../../etc/passwd', PNG), 'VALIDATION')).body).toMatchObject({
      error: { code: 'VALIDATION', message: expect.stringContaining('fileName: A file name, without folders') },
    });
    const both = { seizureId, alertId: seizureId } as unknown as Parent;
    expect((await refused(() => upload(malaysia, both, 'x.png', PNG), 'VALIDATION')).status).toBe(400);
  });

  it('riding on the session cookie, is refused without the CSRF header, and unsigned is refused 401', async () => {
    const { operation, malaysia, ammoniumNitrate } = await operationalRoom(file.kit, ROOM);
    const seizureId = await file.seizures.reported(malaysia, seizureInput(operation, ammoniumNitrate, { submit: false }));
    const cookie = { cookie: `jointops_session=${malaysia.token}` };
    const before = await storedRows();
    expect(await upload(null, { seizureId }, 'x.png', PNG, cookie)).toMatchObject({
      status: 403,
      body: { error: { code: 'CSRF_REFUSED' } },
    });
    expect(await upload(null, { seizureId }, 'x.png', PNG)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await upload(null, { seizureId }, 'x.png', PNG, { ...cookie, origin: 'https://evil.example' })).toMatchObject({ status: 403 });
    expect(await storedRows()).toEqual(before);
    expect((await upload(null, { seizureId }, 'x.png', PNG, { ...cookie, 'x-requested-with': 'jointops' })).status).toBe(201);
  });
});
