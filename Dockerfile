# The fallback server's image: one image for the API server (the default command) and the queue
# worker (`node --import tsx server/worker-main.ts`). Build: docker build -t biaoqing-server .
# Model files beyond the repository's fixtures (the tokenizer, real weights) are mounted at
# /models (BIAOQING_MODELS_DIR); see compose.yaml and docs/server.md.

# Stage 1: the production dependencies, exactly as package-lock.json says (.npmrc: no install scripts).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund

# Stage 2: the server's sources on top, no build tools, run as the unprivileged node user.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8787 DATA_DIR=/data BIAOQING_MODELS_DIR=/models
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.base.json tsconfig.server.json ./
COPY server ./server
COPY src/core ./src/core
COPY src/platform/transformers ./src/platform/transformers
COPY models/manifest.json ./models/manifest.json
COPY models/fixtures/diffusion/onnx ./models/fixtures/diffusion/onnx
RUN mkdir -p /data /models && chown node:node /data
USER node
EXPOSE 8787
# node itself as PID 1's child-free process, so SIGTERM reaches the server and it drains.
CMD ["node", "--import", "tsx", "server/main.ts"]
