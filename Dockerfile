# Production image: gunicorn serving Django, static files by whitenoise (no CDN).
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=gcm_tracker.settings.production
# Pango for WeasyPrint (PDF reports); Noto fonts so Arabic, Chinese and Russian render.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml requirements.lock README.md ./
# The pinned production versions (requirements.lock), then the project without re-resolving.
RUN pip install --no-cache-dir -r requirements.lock \
    && pip install --no-cache-dir --no-deps .
COPY . .
COPY --from=assets /app/node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput \
    && useradd --system --home /app app \
    && mkdir -p /app/media \
    && chown -R app /app/media
USER app
EXPOSE 8000
CMD ["gunicorn", "gcm_tracker.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]
