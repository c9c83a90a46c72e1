export { AppError, ERROR_STATUS, isAppError, type ErrorCode } from "./app-error.ts";
