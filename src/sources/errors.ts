/** A source answered, but not with what its adapter expects (truncated XML, wrong shape, junk). */
export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseError';
  }
}
