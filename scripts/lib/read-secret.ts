/**
 * Reads a secret for a command-line tool: from a terminal, without echo; from a pipe or file,
 * the first line of standard input (so `printf '%s\n' "$PW" | npm run user -- …` works).
 */
export async function readSecret(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += chunk;
    return text.split(/\r?\n/)[0];
  }
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? [...value].slice(0, -1).join('') : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password: typed twice at a terminal, read once from a pipe. */
export async function readNewPassword(): Promise<string> {
  const first = await readSecret('New password: ');
  if (process.stdin.isTTY && (await readSecret('Repeat it: ')) !== first) throw new Error('the two passwords differ');
  return first;
}
