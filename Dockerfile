# syntax=docker/dockerfile:1
# One image, every role: `docker run IMAGE api|worker|scheduler|all`.
# Node 26, the current LTS, pinned by the digest of the multi-arch image index, so a rebuild gets the same
# base; to move to a newer patch release, look the digest up (`docker buildx imagetools inspect node:26-bookworm-slim`)
# and change both stages.

FROM node:26-bookworm-slim@sha256:2d49d876e96237d76de412761cf05dbfe5aee325cc4406a4d41d5824c5bb8beb AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY workers ./workers
RUN npm run build
# Production dependencies only, for the runtime stage.
RUN npm prune --omit=dev

FROM node:26-bookworm-slim@sha256:2d49d876e96237d76de412761cf05dbfe5aee325cc4406a4d41d5824c5bb8beb AS runtime
# No CONFIG_FILE: the service reads config/config.yaml when it exists (mount your own), else the bundled
# config/default.yaml. Workers and schedulers serve /health, /ready and their process /metrics on HEALTH_PORT.
ENV NODE_ENV=production \
    PORT=3000 \
    HEALTH_PORT=9464
# The weekly e-mail's charts are drawn on the server (resvg): their labels need a font.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node config ./config
USER node
EXPOSE 3000
# Whatever the role: the API and `all` answer /health on PORT, workers and schedulers on HEALTH_PORT.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "const p=[process.env.PORT||3000,process.env.HEALTH_PORT||9464].map(n=>fetch('http://127.0.0.1:'+n+'/health').then(r=>{if(!r.ok)throw 0}));Promise.any(p).then(()=>process.exit(0),()=>process.exit(1))"
# A larger young generation (64 MB semi-spaces): a worker keeps several analysis batches in flight, and
# with 32 MB semi-spaces their data lived long enough to be promoted and then collected again by
# the old generation. 10-20% more reviews/s in the pipeline benchmark than with 32 (BENCHMARKS.md); a
# worker's peak RSS under full load stayed about 425 MB either way.
ENTRYPOINT ["node", "--enable-source-maps", "--max-semi-space-size=64", "dist/main.js"]
CMD ["all"]
