export { handleApiError, type ApiErrorBody, type ApiErrorResponse } from "./handle-api-error.ts";
export { serializeJson, toSerialized, type Serialized } from "./serialize-json.ts";
export { buildOpenApiDocument, toOpenApiPath, API_VERSION } from "./openapi/build-openapi-document.ts";
