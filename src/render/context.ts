// What every renderer receives besides its report: colour, width, language. Renderers never write.

export interface RenderContext {
  /** Whether ANSI colour may be used. */
  color: boolean;
  /** Terminal width in columns. */
  width: number;
  /** Language of headers and fixed labels; content always stays as written. */
  lang: 'vi' | 'en';
}

/**
 * What a registry holds: text, or bytes for a binary format (a workbook, a document). Word and
 * Excel files are packed asynchronously (zip), so a binary formatter may return a promise.
 */
export type Formatter<R> = (report: R, ctx: RenderContext) => string | Uint8Array | Promise<Uint8Array>;

/** A Word or Excel formatter (src/render/office-formats.ts). */
export type BinaryFormatter<R> = (report: R, ctx: RenderContext) => Promise<Uint8Array>;

/** A formatter whose output is text (every one so far). */
export type TextFormatter<R> = (report: R, ctx: RenderContext) => string;

export const PLAIN: RenderContext = { color: false, width: 100, lang: 'vi' };
