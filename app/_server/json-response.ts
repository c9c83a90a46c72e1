import { serializeJson } from "@/lib/api";

/** A JSON answer that never caches and writes BigInt as strings. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(serializeJson(body), { status: init.status ?? 200, headers });
}
