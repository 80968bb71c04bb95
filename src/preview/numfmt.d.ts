// numfmt 4 ships its types as dist/index.d.ts but names dist/index.d.cts, which "moduleResolution": "node"
// can't find; these are the functions the preview uses, as documented in numfmt's API.md.
declare module 'numfmt' {
  /** A date typed as text ("15/07/2014", "2014-07-15") as an Excel date serial. */
  export function parseDate(
    text: string,
    options?: { readonly locale?: string },
  ): { readonly value: number } | undefined;
  export function format(pattern: string, value: number, options?: { readonly locale?: string }): string;
}
