// Files go to `POST /attachments` one at a time, beside GraphQL: the body is the file itself, which
// the server hashes as it arrives. XMLHttpRequest rather than fetch: only it reports how much of
// the body has gone, which on a thin link is the difference between waiting and giving up.

/** Why the server did not add a file, as it said it. */
export interface UploadRefusal {
  code: string;
  message: string;
}

/**
 * Sends one file to the path that takes files for this seizure report; the header tells the server
 * a page of another site did not send it. The outbox sends the files it kept the same way.
 */
export function uploadFile(
  seizureId: string,
  fileName: string,
  file: Blob,
  onProgress: (sent: number) => void = () => {},
): Promise<UploadRefusal | null> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ seizureId, fileName });
    request.open('POST', `/attachments?${query}`);
    request.setRequestHeader('x-requested-with', 'XMLHttpRequest');
    request.withCredentials = true;
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      if (request.status === 201) return resolve(null);
      try {
        resolve((JSON.parse(request.responseText) as { error: UploadRefusal }).error);
      } catch {
        resolve({ code: 'UNEXPECTED', message: request.statusText });
      }
    };
    request.onerror = () => resolve({ code: 'SERVER_UNREACHABLE', message: '' });
    request.send(file);
  });
}
