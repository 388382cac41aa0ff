import { createRequire } from "node:module";
import path from "node:path";
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api";
import { IngestError } from "../../types";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsPromise: Promise<PdfJs> | null = null;

/** The legacy build: the modern one needs DOMMatrix, which Node 20 lacks. Loaded once, lazily. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
}

/** Folder of the installed pdfjs-dist package (fonts, cmaps and wasm ship inside it: nothing is fetched). */
function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("pdfjs-dist/package.json"));
}

/** Opens a PDF from bytes; password-protected or broken files become an IngestError a person understands. */
export async function openPdfDocument(data: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  // In Node pdfjs reads these with fs.readFile, so plain folder paths (with a trailing slash) work.
  const fsPath = (sub: string) => `${path.join(pdfjsDir(), sub)}/`;
  try {
    return await pdfjs.getDocument({
      data,
      standardFontDataUrl: fsPath("standard_fonts"),
      cMapUrl: fsPath("cmaps"),
      cMapPacked: true,
      wasmUrl: fsPath("wasm"),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name ?? "";
    if (name === "PasswordException") throw new IngestError("pdf_encrypted", "The PDF is password-protected; upload an unprotected copy.");
    throw new IngestError("pdf_unreadable", `The PDF could not be opened: ${(err as Error).message}`);
  }
}
