/** The language of a code without its region, in lower case: "pt-PT" and "pt_BR" are "pt". */
export function baseLanguage(code: string): string {
  return code.toLowerCase().split(/[-_]/)[0] ?? '';
}
