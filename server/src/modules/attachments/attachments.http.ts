import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_CODES, type ErrorCode } from '@jointops/shared/errors';
import { DomainError } from '../../domain-errors';
import { encodeGlobalId } from '../../global-id';
import { sessionTokenFrom } from '../../http/cookies';
import { originAllowed } from '../../http/request-meta';
import type { AppDeps, ServiceContext } from '../../service-context';
import { authenticate } from '../accounts/accounts.service';
import { ATTACHMENT_CHUNK_BYTES, type AttachmentRow } from './attachments.repo';
import { addAttachment, admitUpload, openAttachment, refuseTooLargeUpload } from './attachments.service';
import { receiveUpload } from './upload-body';

// The two HTTP endpoints of attachments, beside GraphQL rather than inside it: the body of an
// upload is the file itself, read as a stream, hashed as it arrives and cut off at the size
// limit; GraphQL multipart would need a multipart parser and would hand the resolver a file
// already read. A download streams the stored chunks out with the headers that keep a browser
// from treating the file as anything but a download.

export const ATTACHMENTS_PATH = '/attachments';

/** Where a signed-in member fetches the file: the path of `GET /attachments/:id`. */
export const downloadUrlOf = (attachment: Pick<AttachmentRow, 'id'>): string =>
  `${ATTACHMENTS_PATH}/${encodeGlobalId('Attachment', attachment.id)}`;

/**
 * A page of another site can make a browser POST any body with the session cookie attached. It
 * cannot add a header of its choosing without a CORS preflight, which this server never grants:
 * so an upload riding on the cookie must carry this one, as the web app's do. A Bearer token is
 * never attached by a browser on its own, so token callers need nothing more.
 */
export const UPLOAD_CSRF_HEADER = 'x-requested-with';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ERROR_CODES.VALIDATION]: 400,
  [ERROR_CODES.UNAUTHENTICATED]: 401,
  [ERROR_CODES.FORBIDDEN]: 403,
  [ERROR_CODES.CSRF_REFUSED]: 403,
  [ERROR_CODES.NOT_FOUND]: 404,
  [ERROR_CODES.CONFLICT]: 409,
  [ERROR_CODES.PHASE_RULE]: 409,
  [ERROR_CODES.ATTACHMENT_TOO_LARGE]: 413,
  [ERROR_CODES.ATTACHMENT_TYPE_REFUSED]: 415,
};

export interface RequestFacts {
  requestId: string;
  clientRequestId: string | null;
  sourceAddress: string | null;
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      ...headers,
    })
    .end(JSON.stringify(body));
}

const refusal = (res: ServerResponse, code: ErrorCode, message: string, headers?: Record<string, string>) =>
  answer(res, STATUS[code] ?? 400, { error: { code, message } }, headers);

/** `filename*` (RFC 6266 / 8187) carries any name; the plain `filename` is an ASCII stand-in for old clients. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The handler of `POST /attachments?alertId=…|seizureId=…&fileName=…` and `GET /attachments/:id`. */
export function attachmentRoutes(deps: AppDeps) {
  const contextFor = async (req: IncomingMessage, facts: RequestFacts): Promise<ServiceContext> => ({
    ...deps,
    ...facts,
    userAgent: req.headers['user-agent'] ?? null,
    viewer: await authenticate(deps, sessionTokenFrom({ authorization: req.headers.authorization, cookie: req.headers.cookie })),
  });

  async function upload(req: IncomingMessage, res: ServerResponse, ctx: ServiceContext, query: URLSearchParams): Promise<void> {
    if (!req.headers.authorization && !req.headers[UPLOAD_CSRF_HEADER])
      return refusal(
        res,
        ERROR_CODES.CSRF_REFUSED,
        `Uploads signed in with the session cookie must carry the ${UPLOAD_CSRF_HEADER} header.`,
      );
    const rawInput = Object.fromEntries([...query].filter(([key]) => ['alertId', 'seizureId', 'fileName'].includes(key)));
    const input = await admitUpload(ctx, rawInput);
    const max = deps.config.attachmentMaxBytes;
    const declared = Number(req.headers['content-length']);
    const body =
      Number.isFinite(declared) && declared > max
        ? ({ kind: 'too-large', receivedBytes: declared } as const)
        : await receiveUpload(req, max, ATTACHMENT_CHUNK_BYTES);
    if (body.kind === 'too-large') {
      const error = await refuseTooLargeUpload(ctx, input, body.receivedBytes);
      // The rest of the body is never read: the connection closes once the answer is out.
      refusal(res, error.code, error.message, { connection: 'close' });
      req.resume();
      return;
    }
    const attachment = await addAttachment(ctx, input, body.file);
    answer(res, 201, {
      id: encodeGlobalId('Attachment', attachment.id),
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      downloadUrl: downloadUrlOf(attachment),
    });
  }

  async function download(req: IncomingMessage, res: ServerResponse, ctx: ServiceContext, globalId: string): Promise<void> {
    const { attachment, bytes } = await openAttachment(ctx, globalId);
    res.writeHead(200, {
      'content-type': attachment.contentType,
      'content-length': String(attachment.size),
      'content-disposition': contentDisposition(attachment.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
      'repr-digest': `sha-256=:${Buffer.from(attachment.sha256, 'hex').toString('base64')}:`,
    });
    if (req.method === 'HEAD') return void res.end();
    for await (const chunk of bytes()) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    res.end();
  }

  return async function handleAttachments(req: IncomingMessage, res: ServerResponse, facts: RequestFacts): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const id = url.pathname.slice(ATTACHMENTS_PATH.length + 1);
    const isUpload = url.pathname === ATTACHMENTS_PATH;
    if (!isUpload && (!id || id.includes('/'))) return void res.writeHead(404).end();
    const allowed = isUpload ? ['POST'] : ['GET', 'HEAD'];
    if (!allowed.includes(req.method ?? '')) return void res.writeHead(405, { allow: allowed.join(', ') }).end();
    if (!originAllowed(req, deps.config.allowedOrigins)) return refusal(res, ERROR_CODES.CSRF_REFUSED, 'Origin not allowed');
    const ctx = await contextFor(req, facts);
    if (!ctx.viewer) return refusal(res, ERROR_CODES.UNAUTHENTICATED, 'Sign in first.');
    try {
      if (isUpload) await upload(req, res, ctx, url.searchParams);
      else await download(req, res, ctx, id);
    } catch (error) {
      if (!(error instanceof DomainError) || res.headersSent) throw error;
      // A refused upload's body is not wanted: the connection closes once the answer is out.
      refusal(res, error.code, error.message, isUpload ? { connection: 'close' } : {});
      if (isUpload) req.resume();
    }
  };
}
