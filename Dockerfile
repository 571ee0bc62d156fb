# Builds both apps from one image; docker-compose.yml runs it as `api` and as `worker`.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Not `npm ci`: see tools/setup.sh (the lock lacks other platforms' optional native bindings).
RUN npm install --no-audit --no-fund
COPY tsconfig.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
# dist is self-contained: the build copies every lib's views, mail templates and assets beside its
# compiled code (nest-cli.json "assets"); test/foundation/image-layout.e2e-spec.ts boots exactly this set.
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
