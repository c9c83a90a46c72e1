import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth";

// GET|POST /api/auth/* — next-auth's csrf, providers, sign-in, callback, session and sign-out.
// Options are built on first request, not at import, so `next build` needs no database.
function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request, context, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
