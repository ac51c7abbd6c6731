/**
 * What the build could not resolve or had to decide, written to
 * geodata/build-report.json so nothing is dropped silently.
 */
export class Report {
  readonly unresolvedRows: { where: string; what: string }[] = [];
  readonly notes: Record<string, string[]> = {};

  unresolved(where: string, what: string) {
    this.unresolvedRows.push({ where, what });
  }

  add(topic: string, message: string) {
    this.notes[topic] ??= [];
    this.notes[topic].push(message);
  }
}
