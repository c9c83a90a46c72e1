import type { Metadata } from "next";
import { ForbiddenView } from "../_components/forbidden-view";

export const metadata: Metadata = { title: "Access denied" };

// Rendered (with status 403) when a page calls `forbidden()`; needs experimental.authInterrupts.
export default function Forbidden() {
  return <ForbiddenView />;
}
