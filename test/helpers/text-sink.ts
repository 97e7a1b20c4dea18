// A writable stream that keeps what was written, for commands that print to stdout/stderr.
import { Writable } from 'node:stream';

export function textSink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}
