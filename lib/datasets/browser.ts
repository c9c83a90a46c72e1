// What client components may load from lib/datasets: the register form checks its input in the browser
// with the schema the route parses.
export { registerDatasetSchema } from "./schemas.ts";
