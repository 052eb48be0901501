/** The warning of a page read only up to `fetch.maxItemsPerPage`. */
export function cappedWarning(found: number, maxItems: number): string {
  return `the page holds ${found} review items; the first ${maxItems} were read (fetch.maxItemsPerPage)`;
}
