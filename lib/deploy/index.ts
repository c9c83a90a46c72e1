// Deployments: environments that each point at one version per model, promotion of approved
// versions, rollback to earlier approved ones, and the resolve call serving systems make.
export { promote, rollback } from "./deploy.ts";
export { currentDeployments, DEFAULT_ENVIRONMENTS, ensureEnvironments, findEnvironment } from "./environments.ts";
export { listDeployments } from "./list-deployments.ts";
export { artifactPath, resolveDeployment } from "./resolve-deployment.ts";
export { suggestRollbackTarget } from "./rollback-target.ts";
export { deployInputSchema, environmentNameSchema, listDeploymentsQuerySchema, type DeployInput, type ListDeploymentsQuery } from "./schemas.ts";
