/**
 * A document with the version (ETag) it was read at; pass the version back to write it
 * conditionally. Services and repositories share this shape; the store fills it.
 */
export type Versioned<T> = { readonly value: T; readonly etag: string };
