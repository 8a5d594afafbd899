import { ERROR_BODY_MAX_CHARS } from './rest-error-body';
import type { ResponseLike } from './rest-options';

/**
 * The first `maxBytes` of an error body as text: read from the body stream chunk by chunk, the rest
 * cancelled unread; from `text()`, cut, when the response has no stream.
 * @throws whatever reading the body throws (a connection cut mid-body).
 */
export async function readErrorBody(response: ResponseLike, maxBytes = ERROR_BODY_MAX_CHARS): Promise<string> {
  if (!response.body) return (await response.text()).slice(0, maxBytes);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  while (bytes < maxBytes) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    if (value === undefined) continue;
    const part = value.subarray(0, maxBytes - bytes);
    bytes += part.length;
    text += decoder.decode(part, { stream: true });
  }
  reader.cancel().catch(() => {
    // the part needed is read; a failure to discard the rest changes nothing
  });
  return text + decoder.decode();
}
