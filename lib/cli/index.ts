// The `canary` command's public surface: bin/canary.mjs runs `main`.
export { main } from "./main.ts";
