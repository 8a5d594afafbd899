/** Query parameters of a GET; `undefined` values are left out. */
export type QueryParams = Readonly<Record<string, string | number | undefined>>;

/** `base + path + ?query`, parameters in the given order, values URI-encoded. */
export function restUrl(baseUrl: string, path: string, params: QueryParams = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${baseUrl}${path}?${query}` : `${baseUrl}${path}`;
}
