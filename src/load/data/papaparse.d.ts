// The part of PapaParse's low-level incremental parser that src/load/data/csv-rows.ts uses.
declare module 'papaparse' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  }
  export interface ParserConfig {
    delimiter: string;
    newline: string;
    quoteChar?: string;
  }
  export class Parser {
    constructor(config: ParserConfig);
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): { data: string[][]; errors: ParseError[]; meta: { cursor: number } };
  }
  const Papa: { Parser: typeof Parser };
  export default Papa;
}
