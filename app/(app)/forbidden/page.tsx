import { forbidden } from "next/navigation";

// proxy.ts rewrites a page request the caller may not see to /forbidden. Calling `forbidden()`
// here renders the designed 403 (../forbidden.tsx) with HTTP status 403, not 200.
export default function ForbiddenPage(): never {
  forbidden();
}
