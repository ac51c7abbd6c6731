/** What a writer yields: text (written as UTF-8) or bytes, pulled one chunk at a time. */
export type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * A web ReadableStream that pulls the next chunk only when the client has taken the previous
 * one, so a large file is never held whole; cancelling the download stops the writer (its
 * `finally` blocks run, e.g. to remove a temporary file).
 */
export function toWebStream(chunks: Chunks): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const async = typeof (chunks as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
  const it = async ? (chunks as AsyncIterable<string | Uint8Array>)[Symbol.asyncIterator]() : (chunks as Iterable<string | Uint8Array>)[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}
