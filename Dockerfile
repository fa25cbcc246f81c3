# Timeslice: one static binary with the dataset, the frontend and the
# basemap embedded. Build: docker build -t timeslice .
# Run: docker run -p 8080:8080 timeslice            (embedded dataset)
#      docker run -e TIMESLICE_DB=postgres://… timeslice   (PostGIS)

# 1. Frontend packages from the npm registry (Leaflet, fonts), copied
#    into static/www/vendor/ as `npm run vendor` does.
FROM node:22-bookworm-slim AS web
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error
COPY static/scripts static/scripts
RUN mkdir -p static/www && npm run --silent vendor

# 2. The Go binary, static (no cgo), with the vendored frontend embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /src/static/www/vendor static/www/vendor
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/timeslice ./cmd/timeslice

# 3. A small runtime image that runs as an unprivileged user.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --no-create-home timeslice
COPY --from=build /out/timeslice /usr/local/bin/timeslice
USER timeslice
EXPOSE 8080
ENV TIMESLICE_ADDR=:8080
ENTRYPOINT ["timeslice"]
CMD ["serve"]
