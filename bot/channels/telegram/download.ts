// Downloading a file a person sent (a photo): getFile for its path, then the Bot API's file URL. The download
// stops one byte past the image limit, so an oversized file costs at most that much memory and is still seen as
// too large by the core.
import type { Api } from "grammy";
import { MAX_IMAGE_BYTES } from "../../core/images.ts";

export type FileDownloader = (fileId: string) => Promise<Uint8Array>;

export function createFileDownloader(api: Api, token: string, apiRoot: string, limit = MAX_IMAGE_BYTES + 1) {
  return async function download(fileId: string): Promise<Uint8Array> {
    const file = await api.getFile(fileId);
    if (!file.file_path) throw new Error(`telegram file ${fileId} has no path (too big to download?)`);
    const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
    if (!response.ok || !response.body) throw new Error(`telegram file download failed: HTTP ${response.status}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    try {
      while (size < limit) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        size += value.length;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
    return Buffer.concat(chunks).subarray(0, limit);
  };
}
