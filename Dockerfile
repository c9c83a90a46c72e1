# One image for the web server, the worker and the one-shot migration (docker-compose.yml picks the
# command). The local scripts (npm run demo / npm test) do not use Docker.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/true
# Dependencies first, so a source change does not reinstall them; postinstall generates the Prisma client.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.sh ./scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node_modules/.bin/next build

FROM node:20-bookworm-slim
# Fashion-MNIST for the training demo, where lib/dp/data looks for it; Chromium prints scorecard PDFs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends dataset-fashion-mnist chromium \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/true \
    PORT=3000 CANARY_DATA_DIR=/data CANARY_STORAGE_DIR=/data/blobs
# The worker runs TypeScript through tsx, so sources and node_modules ship whole.
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data/blobs && chown -R node:node /data
USER node
VOLUME /data
EXPOSE 3000
CMD ["node_modules/.bin/next", "start", "-p", "3000"]
