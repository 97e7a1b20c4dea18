// The one error type for a malformed knowledge base: it always names the file and the field at fault.
export class KnowledgeError extends Error {
  readonly file: string;
  readonly field: string;

  constructor(file: string, field: string, detail: string) {
    super(`Knowledge file ${file}: field "${field}": ${detail}`);
    this.name = 'KnowledgeError';
    this.file = file;
    this.field = field;
  }
}
