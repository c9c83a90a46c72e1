export { registerDataset } from "./register-dataset.ts";
export { listDatasets, type DatasetPage } from "./list-datasets.ts";
export { getDatasetByName, type DatasetDetail } from "./get-dataset-by-name.ts";
export { getDatasetVersion } from "./get-dataset-version.ts";
export { uploadDatasetVersion, type UploadDatasetVersionOptions, type UploadDatasetVersionResult } from "./upload-dataset-version.ts";
export { checkFilename } from "./check-filename.ts";
export type { DatasetSummary, DatasetVersionView } from "./dataset-view.ts";
export {
  registerDatasetSchema,
  listDatasetsQuerySchema,
  uploadVersionQuerySchema,
  datasetNameSchema,
  DATASET_SORT_FIELDS,
  type RegisterDatasetInput,
  type ListDatasetsQuery,
  type UploadVersionQuery,
} from "./schemas.ts";
