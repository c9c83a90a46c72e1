export type { BlobStore, PutBlobOptions, PutBlobResult } from "./blob-store.ts";
export { LocalBlobStore } from "./local-blob-store.ts";
export {
  blobPath,
  deleteBlob,
  getBlobStore,
  getNamedObject,
  hasBlob,
  maxUploadBytes,
  openBlob,
  putNamedObject,
  putStream,
} from "./get-blob-store.ts";
